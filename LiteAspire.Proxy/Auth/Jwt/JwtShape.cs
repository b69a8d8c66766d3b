namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>LiteLLM's test for "is this bearer a JWT": three non-empty base64url parts separated by dots.</summary>
public static class JwtShape
{
    /// <summary>True when <paramref name="token"/> has a JWS's compact shape (virtual keys, <c>sk-...</c>, never do).</summary>
    public static bool LooksLikeJwt(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = 0;
        var partLength = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (partLength == 0 || ++parts > 2)
                {
                    return false;
                }

                partLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                partLength++;
            }
            else
            {
                return false;
            }
        }

        return parts == 2 && partLength > 0;
    }
}
