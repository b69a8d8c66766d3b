using System.Security.Cryptography;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>Random UUIDv4 call ids (<c>x-litellm-call-id</c>), as LiteLLM's <c>uuid.uuid4()</c>.</summary>
public static class CallIds
{
    /// <summary>A new id in the usual 8-4-4-4-12 form.</summary>
    public static string New()
    {
        // Guid.NewGuid reads /dev/urandom with one syscall per id on Linux; RandomNumberGenerator draws from OpenSSL's
        // user-space CSPRNG instead. Every request needs an id, and a syscall costs microseconds on a virtualised host.
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian layout: the high byte of the third group)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
