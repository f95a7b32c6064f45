/// When a recorded move may have happened: not in the future, and not before the person moved
/// into the address they are moving out of (the history must run forwards).
public enum AddressMove {
    public enum Problem: Error, Equatable, Sendable {
        case inTheFuture
        case beforeCurrentAddress(since: Day)

        public var message: String {
            switch self {
            case .inTheFuture: "The date of the move cannot be in the future"
            case .beforeCurrentAddress: "The move must be after they moved into their current address"
            }
        }
    }

    public static func check(movedOn: Day, currentSince: Day?, today: Day) throws(Problem) {
        if movedOn > today { throw .inTheFuture }
        if let since = currentSince, movedOn <= since { throw .beforeCurrentAddress(since: since) }
    }
}
