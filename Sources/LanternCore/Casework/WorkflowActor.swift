/// What a signed-in user may do in the workflow. Managers hold both capabilities: a team manager
/// can record casework as well as approve it.
public enum WorkflowCapability: String, Hashable, Sendable, Codable, CaseIterable {
    case practitioner
    case manager
}

/// The person taking an action, as far as the rules care: who (for the audit trail kept on
/// approvals and sign-offs) and what they are allowed to do.
public struct WorkflowActor: Hashable, Sendable, Codable {
    public var id: String
    public var capabilities: Set<WorkflowCapability>

    public init(id: String, capabilities: Set<WorkflowCapability>) {
        self.id = id
        self.capabilities = capabilities
    }

    public static func practitioner(_ id: String) -> WorkflowActor { WorkflowActor(id: id, capabilities: [.practitioner]) }
    public static func manager(_ id: String) -> WorkflowActor { WorkflowActor(id: id, capabilities: [.practitioner, .manager]) }

    public func has(_ capability: WorkflowCapability) -> Bool { capabilities.contains(capability) }

    /// Throws unless the actor holds `capability`; `task` completes "Only a manager can …".
    func require(_ capability: WorkflowCapability, to task: String) throws(WorkflowRefusal) {
        guard has(capability) else {
            switch capability {
            case .manager:
                throw WorkflowRefusal(.needsCapability, "Only a manager can \(task). Ask your team manager to do this.")
            case .practitioner:
                throw WorkflowRefusal(.needsCapability, "You do not have access to \(task). Ask your team manager for practitioner access.")
            }
        }
    }
}
