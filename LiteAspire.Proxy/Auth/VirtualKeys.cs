using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LiteAspire.Proxy.Auth;

/// <summary>LiteLLM's virtual keys: <c>sk-</c> + URL-safe base64 of 16 random bytes, stored only as unsalted SHA-256 hex.</summary>
public static class VirtualKeys
{
    private static readonly System.Buffers.SearchValues<char> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The prefix every virtual key carries.</summary>
    public const string Prefix = "sk-";

    /// <summary>A new random key (shown to its owner once, never stored).</summary>
    public static string Generate()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Prefix + Base64Url.EncodeToString(random);
    }

    /// <summary>The value stored in <c>LiteLLM_VerificationToken.token</c>: lowercase SHA-256 hex of the whole key.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>
    /// The stored token for a value a caller passed as a key: a plaintext key is hashed; a 64-character hex string is
    /// taken as already hashed (LiteLLM's management routes accept either).
    /// </summary>
    public static string ToToken(string keyOrHash)
    {
        ArgumentNullException.ThrowIfNull(keyOrHash);
        return IsHash(keyOrHash) ? keyOrHash.ToLowerInvariant() : Hash(keyOrHash);
    }

    /// <summary>True when <paramref name="value"/> looks like a stored token (64 hex characters).</summary>
    public static bool IsHash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 64 && !value.AsSpan().ContainsAnyExcept(s_hexDigits);
    }

    /// <summary>LiteLLM's <c>key_name</c>: <c>sk-...</c> and the last four characters.</summary>
    public static string DisplayName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 4 ? string.Concat("sk-...", key.AsSpan(key.Length - 4)) : "sk-...";
    }
}
