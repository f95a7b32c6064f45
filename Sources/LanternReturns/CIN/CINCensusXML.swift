/// Writes the CIN census XML file.
///
/// Element names and order follow the DfE's XSD sequences (shared/domain/returns-spec.md 1.1):
/// optional elements are left out when empty, booleans are 0/1 (the only form both the DfE and the
/// LIIA schema accept), and the root `Message` has no namespace.
public enum CINCensusXML {
    public static func render(_ input: CINCensusInput) -> String {
        var xml = XMLWriter()
        xml.group("Message") { xml in
            header(input.header, into: &xml)
            xml.group("Children") { xml in
                for child in input.children { self.child(child, into: &xml) }
            }
        }
        return xml.text
    }

    private static func header(_ header: CINHeader, into xml: inout XMLWriter) {
        xml.group("Header") { xml in
            xml.group("CollectionDetails") { xml in
                xml.element("Collection", "CIN")
                xml.element("Year", String(header.collectionYear.endYear))
                xml.element("ReferenceDate", header.collectionYear.end.iso)
            }
            xml.group("Source") { xml in
                xml.element("SourceLevel", "L")
                xml.element("LEA", header.laNumber)
                xml.element("SoftwareCode", header.softwareCode)
                xml.element("Release", header.release)
                xml.element("SerialNo", header.serialNumber)
                xml.element("DateTime", header.generatedAt.iso)
            }
        }
    }

    private static func child(_ child: CINChild, into xml: inout XMLWriter) {
        xml.group("Child") { xml in
            let ids = child.identifiers
            xml.group("ChildIdentifiers") { xml in
                xml.element("LAchildID", ids.laChildID)
                xml.element("UPN", ids.upn)
                xml.element("FormerUPN", ids.formerUPN)
                xml.element("UPNunknown", ids.upnUnknown)
                xml.element("PersonBirthDate", ids.birthDate?.iso)
                xml.element("ExpectedPersonBirthDate", ids.expectedBirthDate?.iso)
                xml.element("Sex", ids.sex)
                xml.element("PersonDeathDate", ids.deathDate?.iso)
            }
            xml.group("ChildCharacteristics") { xml in
                xml.element("Ethnicity", child.characteristics.ethnicity)
                if !child.characteristics.disabilities.isEmpty {
                    xml.group("Disabilities") { xml in
                        for code in child.characteristics.disabilities { xml.element("Disability", code) }
                    }
                }
            }
            for episode in child.episodes { self.episode(episode, into: &xml) }
        }
    }

    private static func episode(_ episode: CINDetails, into xml: inout XMLWriter) {
        xml.group("CINdetails") { xml in
            xml.element("CINreferralDate", episode.referralDate.iso)
            xml.element("ReferralSource", episode.referralSource)
            xml.element("PrimaryNeedCode", episode.primaryNeedCode)
            xml.element("CINclosureDate", episode.closureDate?.iso)
            xml.element("ReasonForClosure", episode.reasonForClosure)
            xml.element("DateOfInitialCPC", episode.initialCPCDate?.iso)
            for assessment in episode.assessments {
                xml.group("Assessments") { xml in
                    xml.element("AssessmentActualStartDate", assessment.startDate.iso)
                    xml.element("AssessmentInternalReviewDate", assessment.internalReviewDate?.iso)
                    xml.element("AssessmentAuthorisationDate", assessment.authorisationDate?.iso)
                    if !assessment.factors.isEmpty {
                        xml.group("FactorsIdentifiedAtAssessment") { xml in
                            for factor in assessment.factors { xml.element("AssessmentFactors", factor) }
                        }
                    }
                }
            }
            for plan in episode.cinPlans {
                xml.group("CINPlanDates") { xml in
                    xml.element("CINPlanStartDate", plan.startDate.iso)
                    xml.element("CINPlanEndDate", plan.endDate?.iso)
                }
            }
            for enquiry in episode.section47Enquiries {
                xml.group("Section47") { xml in
                    xml.element("S47ActualStartDate", enquiry.startDate.iso)
                    xml.element("InitialCPCtarget", enquiry.initialCPCTarget?.iso)
                    xml.element("DateOfInitialCPC", enquiry.initialCPCDate?.iso)
                    xml.element("ICPCnotRequired", flag(enquiry.icpcNotRequired))
                }
            }
            xml.element("ReferralNFA", flag(episode.referralNFA))
            for plan in episode.childProtectionPlans {
                xml.group("ChildProtectionPlans") { xml in
                    xml.element("CPPstartDate", plan.startDate.iso)
                    xml.element("CPPendDate", plan.endDate?.iso)
                    xml.element("InitialCategoryOfAbuse", plan.initialCategoryOfAbuse)
                    xml.element("LatestCategoryOfAbuse", plan.latestCategoryOfAbuse)
                    xml.element("NumberOfPreviousCPP", String(plan.numberOfPreviousPlans))
                    if !plan.reviewDates.isEmpty {
                        xml.group("Reviews") { xml in
                            for review in plan.reviewDates { xml.element("CPPreviewDate", review.iso) }
                        }
                    }
                }
            }
        }
    }

    private static func flag(_ value: Bool) -> String { value ? "1" : "0" }
}
