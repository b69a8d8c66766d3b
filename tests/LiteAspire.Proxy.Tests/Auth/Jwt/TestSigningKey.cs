using System.Security.Cryptography;
using System.Text.Json.Nodes;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiteAspire.Proxy.Tests.Auth.Jwt;

/// <summary>A signing key made in the test (RSA or P-256), its public JWK, and tokens signed with it.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm _algorithm;
    private readonly SigningCredentials _credentials;

    private TestSigningKey(AsymmetricAlgorithm algorithm, SecurityKey key, string signingAlgorithm, JsonObject publicJwk)
    {
        _algorithm = algorithm;
        _credentials = new SigningCredentials(key, signingAlgorithm);
        PublicJwk = publicJwk;
    }

    public JsonObject PublicJwk { get; }

    public static TestSigningKey Rsa(string kid)
    {
        var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new TestSigningKey(rsa, new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256, new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
    }

    public static TestSigningKey EcP256(string kid)
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ec.ExportParameters(includePrivateParameters: false).Q;
        return new TestSigningKey(ec, new ECDsaSecurityKey(ec) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256, new JsonObject
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["alg"] = "ES256",
            ["kid"] = kid,
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X),
            ["y"] = Base64UrlEncoder.Encode(point.Y),
        });
    }

    /// <summary>A token with <paramref name="claims"/>, valid from 10 minutes ago until <paramref name="expires"/> (default: in 10 minutes).</summary>
    public string Sign(IDictionary<string, object> claims, string? audience = JwtAuthTestFixture.Audience, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Audience = audience,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = _credentials,
        });
    }

    public void Dispose() => _algorithm.Dispose();
}
