// These tests start real processes (PostgreSQL, Redis, services) on a 2-core machine: one at a time keeps them predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// They run Debian binaries and read /proc.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
