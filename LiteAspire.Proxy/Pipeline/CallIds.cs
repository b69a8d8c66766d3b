namespace LiteAspire.Proxy.Pipeline;

/// <summary>Random UUIDv4 call ids (<c>x-litellm-call-id</c>), as LiteLLM's <c>uuid.uuid4()</c>.</summary>
public static class CallIds
{
    /// <summary>A new id in the usual 8-4-4-4-12 form.</summary>
    public static string New()
    {
        // An id names a call; it is not a secret. Random.Shared draws in user space with no syscall: Guid.NewGuid reads
        // /dev/urandom once per id, and OpenSSL's generator (RandomNumberGenerator) calls getpid() per draw to detect forks.
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian layout: the high byte of the third group)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
