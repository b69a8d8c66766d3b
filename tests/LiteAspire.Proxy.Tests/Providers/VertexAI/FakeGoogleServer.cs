using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.VertexAI;

/// <summary>
/// A loopback stand-in for Google: an OAuth2 token endpoint (<c>POST /token</c>, JWT-bearer grant) and Vertex AI's
/// generateContent / streamGenerateContent, recording what it receives. Plus a service account whose key it knows.
/// </summary>
internal sealed class FakeGoogleServer : IAsyncDisposable
{
    public const string AccessToken = "ya29.loopback-access-token";
    public const string ClientEmail = "liteaspire-test@my-project.iam.gserviceaccount.com";

    private readonly WebApplication _app;

    private FakeGoogleServer(WebApplication app, RSA key)
    {
        _app = app;
        Key = key;
    }

    public RSA Key { get; }

    public string BaseUrl => _app.Urls.First();

    public ConcurrentQueue<(string GrantType, string Assertion)> TokenRequests { get; } = new();

    public ConcurrentQueue<(string Path, string? Authorization, string Body)> ModelRequests { get; } = new();

    /// <summary>Service-account JSON for the key, pointing its token_uri at this server.</summary>
    public string ServiceAccountJson(string tokenPath = "/token") => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = "project-from-credentials",
        ["private_key_id"] = "0123456789abcdef",
        ["private_key"] = Key.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["client_id"] = "112233445566778899",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = BaseUrl + tokenPath,
    }.ToJsonString();

    public static async Task<FakeGoogleServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGoogleServer(app, RSA.Create(2048));

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            server.TokenRequests.Enqueue((form["grant_type"].ToString(), form["assertion"].ToString()));
            return Results.Json(new { access_token = AccessToken, expires_in = 3600, token_type = "Bearer" });
        });
        app.MapPost("/token-denied", () => Results.Json(new { error = "invalid_grant", error_description = "Invalid JWT Signature." }, statusCode: 400));
        app.MapPost("/v1/projects/{project}/locations/{location}/publishers/google/models/{**method}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            server.ModelRequests.Enqueue((request.Path + request.QueryString, request.Headers.Authorization.ToString(), body));
            return request.Path.Value!.EndsWith(":streamGenerateContent", StringComparison.Ordinal)
                ? Results.Text(Fixture("stream-generate-content.sse", "VertexAI"), "text/event-stream")
                : Results.Text(Fixture("generate-content.response.json", "VertexAI"), "application/json");
        });

        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
