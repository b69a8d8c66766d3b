using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiteAspire.Admin.Tests.Sso;

/// <summary>
/// A small OpenID provider on a real loopback port: discovery document, JWKS, an authorize endpoint that signs in
/// <see cref="NextAccount"/> at once and sends the browser back with a code and the state, and a token endpoint that checks
/// the code, the redirect URI, the client and the PKCE verifier and returns an RS256 id_token carrying the nonce.
/// </summary>
internal sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "liteaspire-admin";
    public const string ClientSecret = "admin-client-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _signingKey;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);

    private FakeOpenIdProvider(WebApplication app, RsaSecurityKey signingKey)
    {
        _app = app;
        _signingKey = signingKey;
    }

    /// <summary>The issuer (and authority) URL.</summary>
    public string Issuer => _app.Urls.First();

    /// <summary>The account the next authorization signs in.</summary>
    public FakeAccount NextAccount { get; set; } = new("sub-default", "default@example.com");

    /// <summary>The query of every authorization request.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    /// <summary>The form of every token request.</summary>
    public ConcurrentQueue<IFormCollection> TokenRequests { get; } = new();

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" });
        app.MapGet("/.well-known/openid-configuration", () => Results.Text($$"""
            {
              "issuer": "{{provider.Issuer}}",
              "authorization_endpoint": "{{provider.Issuer}}/authorize",
              "token_endpoint": "{{provider.Issuer}}/token",
              "jwks_uri": "{{provider.Issuer}}/jwks",
              "response_types_supported": ["code"],
              "subject_types_supported": ["public"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "code_challenge_methods_supported": ["S256"],
              "scopes_supported": ["openid", "profile", "email"]
            }
            """, "application/json"));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(provider._signingKey);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpContext context) => provider.Authorize(context.Request.Query));
        app.MapPost("/token", async (HttpRequest request) => provider.Token(await request.ReadFormAsync()));
        await app.StartAsync();
        return provider;
    }

    private IResult Authorize(IQueryCollection query)
    {
        AuthorizeRequests.Enqueue(query);
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            return Results.BadRequest("invalid authorization request");
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(NextAccount, query["redirect_uri"]!, query["code_challenge"]!, query["nonce"].ToString());
        var state = Uri.EscapeDataString(query["state"].ToString());
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={state}&iss={Uri.EscapeDataString(Issuer)}");
    }

    private IResult Token(IFormCollection form)
    {
        TokenRequests.Enqueue(form);
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (form["redirect_uri"] != pending.RedirectUri || challenge != pending.CodeChallenge
            || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var claims = new Dictionary<string, object> { ["sub"] = pending.Account.Subject, ["nonce"] = pending.Nonce, ["name"] = "Test Person" };
        if (pending.Account.Email is { } email)
        {
            claims["email"] = email;
            claims["email_verified"] = pending.Account.EmailVerified;
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = "fake-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signingKey.Rsa.Dispose();
    }

    private sealed record PendingCode(FakeAccount Account, string RedirectUri, string CodeChallenge, string Nonce);
}

/// <summary>An account at the fake provider.</summary>
internal sealed record FakeAccount(string Subject, string? Email, bool EmailVerified = true);
