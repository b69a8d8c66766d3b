using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>UI passwords as stored: salted PBKDF2-SHA256, <c>pbkdf2_sha256$iterations$salt$hash</c> (base64).</summary>
public static class PasswordHash
{
    private const int Iterations = 210_000;

    /// <summary>LiteLLM's bounds on a password's length.</summary>
    public static void RequireValid(string? password)
    {
        if (password is not null && (password.Length < 8 || password.Length > 128))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'password': must be 8 to 128 characters long.", "password");
        }
    }

    /// <summary>The stored form of <paramref name="password"/>.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2_sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>.</summary>
    public static bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = stored?.Split('$');
        if (parts is not ["pbkdf2_sha256", var iterations, var salt, var hash]
            || !int.TryParse(iterations, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        try
        {
            var expected = Convert.FromBase64String(hash);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(salt), count,
                HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
