using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Management.Models;

/// <summary>
/// LiteLLM's encryption of values it stores in the database (a stored model's <c>litellm_params</c>): NaCl SecretBox
/// (XSalsa20-Poly1305, libsodium) keyed by SHA-256 of <c>LITELLM_SALT_KEY</c>, else of the master key; a random 24-byte
/// nonce is put before the box and the whole is written as URL-safe base64. A value either side wrote, the other reads.
/// </summary>
public sealed class LiteLLMSecretBox
{
    /// <summary>LiteLLM's environment variable holding the encryption secret (changing it makes stored values unreadable).</summary>
    public const string SaltKeyVariable = "LITELLM_SALT_KEY";

    private const int NonceLength = 24;
    private const int MacLength = 16;

    private readonly byte[]? _key;

    /// <summary>Creates the box keyed by <paramref name="secret"/>; without one nothing can be encrypted or decrypted.</summary>
    public LiteLLMSecretBox(string? secret)
    {
        _key = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Where the secret comes from, as LiteLLM picks it: <c>LITELLM_SALT_KEY</c>, else the master key.</summary>
    public static LiteLLMSecretBox From(IConfiguration configuration, MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(masterKey);
        var salt = configuration[SaltKeyVariable];
        return new LiteLLMSecretBox(string.IsNullOrEmpty(salt) ? masterKey.Value : salt);
    }

    /// <summary>True when a secret is set, so values can be encrypted.</summary>
    public bool CanEncrypt => _key is not null;

    /// <summary>Encrypts <paramref name="plaintext"/> into LiteLLM's stored form.</summary>
    /// <exception cref="InvalidOperationException">No secret is set.</exception>
    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = _key ?? throw new InvalidOperationException($"Set {SaltKeyVariable} or a master key to encrypt stored values.");
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var box = Sodium.SecretBox.Create(Encoding.UTF8.GetBytes(plaintext), nonce, key);
        var stored = new byte[NonceLength + box.Length];
        nonce.CopyTo(stored, 0);
        box.CopyTo(stored, NonceLength);
        // Python's base64.urlsafe_b64encode: the URL-safe alphabet, padding kept.
        return Convert.ToBase64String(stored).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decrypts a stored value (URL-safe or standard base64); false when it is not one this secret opens.</summary>
    public bool TryDecrypt(string stored, [NotNullWhen(true)] out string? plaintext)
    {
        ArgumentNullException.ThrowIfNull(stored);
        plaintext = null;
        if (_key is null || !TryDecodeBase64(stored, out var bytes) || bytes.Length < NonceLength + MacLength)
        {
            return false;
        }

        try
        {
            var opened = Sodium.SecretBox.Open(bytes[NonceLength..], bytes[..NonceLength], _key);
            plaintext = Encoding.UTF8.GetString(opened);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool TryDecodeBase64(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length < 4)
        {
            return false;
        }

        var standard = text.Replace('-', '+').Replace('_', '/');
        if (standard.Length % 4 != 0)
        {
            standard = standard.PadRight(standard.Length + (4 - (standard.Length % 4)), '=');
        }

        var buffer = new byte[standard.Length * 3 / 4];
        if (!Convert.TryFromBase64String(standard, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
