#if canImport(Glibc)
import Glibc
#endif

/// Two glibc allocator controls the server uses at city scale. Swift does not import
/// `<malloc.h>`, so they are looked up by name; elsewhere (macOS) they do nothing.
enum GlibcMemory {
    /// glibc gives each thread that allocates its own arena and keeps what is freed in it. With
    /// NIO's event loops and the database's thread pool all allocating, the server held several
    /// arenas' worth of freed memory; two arenas cap that at little cost in contention.
    static func limitArenas(to count: Int32) {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8   // M_ARENA_MAX
        if let mallopt: Mallopt = symbol("mallopt") { _ = mallopt(arenaMax, count) }
    }

    /// Gives memory freed in bulk (a full re-read of the performance facts) back to the system.
    static func returnFreedMemory() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let trim: MallocTrim = symbol("malloc_trim") { _ = trim(0) }
    }

    private static func symbol<Function>(_ name: String) -> Function? {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: Function.self)
        #else
        return nil
        #endif
    }
}
