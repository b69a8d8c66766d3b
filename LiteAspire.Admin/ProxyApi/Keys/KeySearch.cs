using System.Security.Cryptography;
using System.Text;

namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>
/// What the keys page's search box means to <c>/key/list</c>, which matches <c>key_alias</c> and <c>key_hash</c> exactly
/// (as LiteLLM does): a plaintext key (<c>sk-...</c>) is hashed here, so the secret never travels in a URL; a 64-digit hex
/// string is a hash; anything else is an alias.
/// </summary>
/// <param name="KeyAlias">The alias to match, or null.</param>
/// <param name="KeyHash">The hash to match, or null.</param>
public sealed record KeySearch(string? KeyAlias, string? KeyHash)
{
    /// <summary>No search.</summary>
    public static KeySearch None { get; } = new(null, null);

    /// <summary>Reads the search box.</summary>
    public static KeySearch Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return None;
        }

        if (IsHash(value))
        {
            return new(null, value.ToLowerInvariant());
        }

        return value.StartsWith("sk-", StringComparison.Ordinal) && !value.Contains("...", StringComparison.Ordinal)
            ? new(null, Hash(value))
            : new(value, null);
    }

    /// <summary>The proxy's stored token for a plaintext key: SHA-256, lower-case hex.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
