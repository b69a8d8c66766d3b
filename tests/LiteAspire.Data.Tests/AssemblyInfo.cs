// The PostgreSQL server is started from Debian's binaries by LiteAspire.Hosting.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
