import Fluent
import Foundation
import LanternStore
import SQLKit
import Vapor

/// `lantern backup --out FILE` and `lantern restore --from FILE`.
///
/// SQLite: an online backup with `VACUUM INTO`, a consistent copy taken while Lantern keeps
/// serving. PostgreSQL: the standard tools, `pg_dump --format=custom` and `pg_restore`, which
/// the command prints (and runs when they are installed).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The file to write the backup to")
        var out: String?
    }

    var help: String { "Backs up the database while Lantern runs (SQLite: online copy; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let out = signature.out, !out.isEmpty else { throw BackupError("Give --out FILE.") }
        switch app.lanternConfig.database {
        case .postgres(let url):
            let command = ["pg_dump", "--format=custom", "--no-owner", "--file=\(out)", url]
            context.console.print("PostgreSQL backup: pg_dump --format=custom --no-owner --file=\(out) \"$DATABASE_URL\"")
            try runTool(command)
        case .sqliteFile, .sqliteMemory:
            try await Backups.sqliteBackup(of: app.db, to: out)
        }
        context.console.print("Backed up to \(out). Every backup holds children's records: keep it encrypted and access-controlled.")
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The backup file to restore")
        var from: String?
    }

    var help: String { "Restores a backup into the configured database. Stop `lantern serve` first." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let from = signature.from, FileManager.default.fileExists(atPath: from) else { throw BackupError("Give --from with an existing backup file.") }
        switch app.lanternConfig.database {
        case .postgres(let url):
            context.console.print("PostgreSQL restore: pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" \(from)")
            try runTool(["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname=\(url)", from])
        case .sqliteFile(let path):
            try Backups.restoreSQLite(from: from, to: path)
        case .sqliteMemory:
            throw BackupError("An in-memory database cannot be restored into.")
        }
        context.console.print("Restored from \(from).")
    }
}

enum Backups {
    static func sqliteBackup(of db: any Database, to path: String) async throws {
        guard let sql = db as? any SQLDatabase else { throw BackupError("Not an SQL database.") }
        if FileManager.default.fileExists(atPath: path) { throw BackupError("\(path) already exists; choose a new file.") }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// Checks the backup is a sound SQLite file with Lantern's tables, then puts it in place,
    /// keeping the old database beside it until the copy has succeeded.
    static func restoreSQLite(from backup: String, to path: String) throws {
        let header = FileManager.default.contents(atPath: backup)?.prefix(16) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw BackupError("\(backup) is not an SQLite backup.") }
        let fm = FileManager.default
        let previous = path + ".before-restore"
        try? fm.removeItem(atPath: previous)
        if fm.fileExists(atPath: path) { try fm.moveItem(atPath: path, toPath: previous) }
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        do {
            try fm.copyItem(atPath: backup, toPath: path)
        } catch {
            if fm.fileExists(atPath: previous) { try? fm.moveItem(atPath: previous, toPath: path) }
            throw error
        }
    }
}

private func runTool(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    do { try process.run() } catch { throw BackupError("\(arguments[0]) is not installed: run the command above by hand.") }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BackupError("\(arguments[0]) failed with status \(process.terminationStatus).") }
}

struct BackupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
