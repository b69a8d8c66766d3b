// PostgreSQL and Redis are started from Debian's binaries by LiteAspire.Hosting.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
