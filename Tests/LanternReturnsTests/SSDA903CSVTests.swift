import LanternCore
import Testing
@testable import LanternReturns

@Suite struct SSDA903CSVTests {
    static func firstLine(_ text: String?) -> String? {
        text?.components(separatedBy: "\r\n").first
    }

    @Test func writesEveryTableWithTheSpecHeaderRow() {
        let files = SSDA903CSV.render(SSDA903Fixture.input)
        let expected = [
            "Header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
            "Episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
            "Reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE",
            "UASC.csv": "CHILD,SEX,DOB,DUC",
            "OC2.csv": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
            "OC3.csv": "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM",
            "AD1.csv": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
            "PlacedAdoption.csv": "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED",
            "PrevPerm.csv": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM",
            "Missing.csv": "CHILD,DOB,MISSING,MIS_START,MIS_END",
            "SWEpisodes.csv": "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON",
        ]
        #expect(Set(files.keys) == Set(expected.keys))
        for (name, header) in expected {
            #expect(Self.firstLine(files[name]) == header, "\(name)")
        }
        // Empty tables are still written, header row only.
        #expect(files["OC3.csv"] == expected["OC3.csv"]! + "\r\n")
    }

    @Test func deprivationOfLibertyJoinsIn2026To27() {
        var input = SSDA903Fixture.input
        input.collectionYear = CollectionYear(endingIn: 2027)
        input.deprivationOfLiberty = [SSDA903DeprivationOfLiberty(child: "L2006", start: day("2026-05-01"))]
        let files = SSDA903CSV.render(input)
        #expect(files["DoLo.csv"] == "CHILD,DOB,DOLO_START,DOLO_END\r\nL2006,09/09/2010,01/05/2026,\r\n")
    }

    @Test func writesDatesDayFirstFlagsAsDigitsAndDateOfBirthFromTheHeader() throws {
        let files = SSDA903CSV.render(SSDA903Fixture.input)
        let episodes = try #require(files["Episodes.csv"]).components(separatedBy: "\r\n")
        #expect(episodes[1] == "L2001,16/09/2024,S,C1,N1,U6,PR1,02/06/2025,X1,CARPL,B29 6AA,B15 2TT,SC052479")
        #expect(episodes[3] == "L2001,20/11/2025,U,C2,N1,K2,PR4,,,,B29 6AA,B33 0AA,SC471124")
        let header = try #require(files["Header.csv"]).components(separatedBy: "\r\n")
        #expect(header.contains("L2001,F,14/05/2012,WBRI,\(CINFixture.upn(3_001)),0,"))
        #expect(header.contains("L2002,M,03/02/2015,APKN,\(CINFixture.upn(3_002)),,"))
        let reviews = try #require(files["Reviews.csv"])
        #expect(reviews.contains("L2001,14/05/2012,20/05/2025,PN1\r\n"))
        let uasc = try #require(files["UASC.csv"])
        #expect(uasc == "CHILD,SEX,DOB,DUC\r\nL2004,M,01/06/2009,\r\n")
    }

    @Test func quotesFieldsThatWouldBreakTheCSV() {
        #expect(CSVTable.quoted("plain") == "plain")
        #expect(CSVTable.quoted("a,b") == "\"a,b\"")
        #expect(CSVTable.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quoted("line\r\nbreak") == "\"line\r\nbreak\"")
        var table = CSVTable(columns: ["A", "B"])
        table.append(["A": "x,y", "B": nil])
        #expect(table.text == "A,B\r\n\"x,y\",\r\n")
    }
}
