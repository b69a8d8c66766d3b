// Each test starts the whole system; on two cores they go one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// They run Debian binaries and read /proc.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
