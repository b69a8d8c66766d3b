using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.VertexAI;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.VertexAI;

public class VertexAIChatAdapterTests
{
    private const string Prompt = """{"model":"gemini-2.0-flash-001","messages":[{"role":"user","content":"Describe this picture"}]}""";

    private static ChatCall VertexCall(string? apiBase, string? credentials, bool stream = false, Dictionary<string, object?>? extra = null)
    {
        var parameters = new Dictionary<string, object?> { ["vertex_project"] = "my-project", ["vertex_location"] = "us-central1" };
        if (credentials is not null)
        {
            parameters["vertex_credentials"] = credentials;
        }

        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value;
        }

        var request = JsonNode.Parse(Prompt)!.AsObject();
        if (stream)
        {
            request["stream"] = true;
        }

        return Call(request, Deployment("vertex_ai", "gemini-2.0-flash-001", apiBase, apiKey: null, parameters));
    }

    [Fact]
    public async Task CreateRequestAsync_ServiceAccountJson_SendsBearerTokenFromTokenEndpointSignedWithItsKey()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var adapter = new VertexAIChatAdapter();
        using var http = new HttpClient();

        using var request = await adapter.CreateRequestAsync(VertexCall(google.BaseUrl, google.ServiceAccountJson()), default);
        using var response = await http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        var (path, authorization, body) = Assert.Single(google.ModelRequests);
        Assert.Equal("/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.0-flash-001:generateContent", path);
        Assert.Equal("Bearer " + FakeGoogleServer.AccessToken, authorization);
        Assert.Equal("Describe this picture", JsonNode.Parse(body)!["contents"]![0]!["parts"]![0]!["text"]!.GetValue<string>());

        var (grantType, assertion) = Assert.Single(google.TokenRequests);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", grantType);
        var segments = assertion.Split('.');
        Assert.Equal(3, segments.Length);
        // The JWT must be signed (RS256) with the service account's private key: verify with the public half.
        Assert.True(google.Key.VerifyData(Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]), Base64Url(segments[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var header = JsonNode.Parse(Base64Url(segments[0]))!;
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        var claims = JsonNode.Parse(Base64Url(segments[1]))!;
        Assert.Equal(FakeGoogleServer.ClientEmail, claims["iss"]!.GetValue<string>());
        // Google.Apis.Auth posts to token_uri but always names Google's token endpoint as the audience.
        Assert.Equal("https://oauth2.googleapis.com/token", claims["aud"]!.GetValue<string>());
        Assert.Equal(VertexAICredentials.Scope, claims["scope"]!.GetValue<string>());

        var completion = adapter.ReadResponse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, VertexCall(google.BaseUrl, null));
        Assert.StartsWith("The image shows a flat lay", completion["choices"]![0]!["message"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRequestAsync_RepeatedAndConcurrentCalls_FetchTheTokenOnce()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var adapter = new VertexAIChatAdapter();
        var credentials = google.ServiceAccountJson();

        var requests = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => adapter.CreateRequestAsync(VertexCall(google.BaseUrl, credentials), default).AsTask()));
        using var later = await adapter.CreateRequestAsync(VertexCall(google.BaseUrl, credentials), default);

        Assert.Single(google.TokenRequests);
        Assert.All(requests.Append(later), r => Assert.Equal("Bearer " + FakeGoogleServer.AccessToken, r.Headers.Authorization!.ToString()));
        foreach (var request in requests)
        {
            request.Dispose();
        }
    }

    [Fact]
    public async Task CreateRequestAsync_CredentialsFilePath_LoadsTheFile()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"vertex-sa-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, google.ServiceAccountJson());
        try
        {
            using var request = await new VertexAIChatAdapter().CreateRequestAsync(VertexCall(google.BaseUrl, path), default);

            Assert.Equal("Bearer " + FakeGoogleServer.AccessToken, request.Headers.Authorization!.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task CreateRequestAsync_NoProjectSetting_UsesProjectFromCredentials()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var call = Call(JsonNode.Parse(Prompt)!.AsObject(), Deployment("vertex_ai", "gemini-2.0-flash-001", google.BaseUrl, null,
            new() { ["vertex_credentials"] = google.ServiceAccountJson(), ["vertex_location"] = "europe-west4" }));

        using var request = await new VertexAIChatAdapter().CreateRequestAsync(call, default);

        Assert.Equal($"{google.BaseUrl}/v1/projects/project-from-credentials/locations/europe-west4/publishers/google/models/gemini-2.0-flash-001:generateContent",
            request.RequestUri!.ToString());
    }

    [Fact]
    public async Task CreateRequestAsync_TokenEndpointRefuses_ThrowsAuthenticationError()
    {
        await using var google = await FakeGoogleServer.StartAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
            await new VertexAIChatAdapter().CreateRequestAsync(VertexCall(google.BaseUrl, google.ServiceAccountJson("/token-denied")), default));

        Assert.Equal(LiteLLMErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRequestAsync_CredentialsNeitherJsonNorFile_ThrowsAuthenticationErrorWithoutEchoingThem()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
            await new VertexAIChatAdapter().CreateRequestAsync(VertexCall(null, "not-a-secret-file-xyz"), default));

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("not-a-secret-file-xyz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamingRoundTrip_DocumentedVertexStream_YieldsChunksAndUsage()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var adapter = new VertexAIChatAdapter();
        var call = VertexCall(google.BaseUrl, google.ServiceAccountJson(), stream: true);
        using var http = new HttpClient();

        using var request = await adapter.CreateRequestAsync(call, default);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var chunks = await CollectAsync(adapter.ReadStreamAsync(await response.Content.ReadAsStreamAsync(), call, default));

        Assert.EndsWith(":streamGenerateContent?alt=sse", Assert.Single(google.ModelRequests).Path, StringComparison.Ordinal);
        Assert.Equal(4, chunks.Count);
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        Assert.Equal("The image shows a flat lay of blueberry scones, coffee and peonies on a white surface.",
            string.Concat(chunks.Take(3).Select(c => c["choices"]![0]!["delta"]!["content"]!.GetValue<string>())));
        Assert.Equal("stop", chunks[2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":265,"completion_tokens":19,"total_tokens":284}""")!, chunks[3]["usage"]);
    }

    [Fact]
    public async Task CreateRequestAsync_ApiBaseWithAuthorizationExtraHeader_NeedsNoCredentials()
    {
        var call = VertexCall("http://127.0.0.1:1", null, extra: new() { ["extra_headers"] = new Dictionary<string, object?> { ["Authorization"] = "Bearer gateway-token" } });

        using var request = await new VertexAIChatAdapter().CreateRequestAsync(call, default);

        Assert.Equal("Bearer gateway-token", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public async Task CreateRequestAsync_ClaudeModel_ThrowsBadRequestNamingTheGap()
    {
        var call = Call(JsonNode.Parse("""{"model":"claude-sonnet-4","messages":[{"role":"user","content":"hi"}]}""")!.AsObject(),
            Deployment("vertex_ai", "claude-sonnet-4", apiKey: null));

        var error = await Assert.ThrowsAsync<ProviderException>(async () => await new VertexAIChatAdapter().CreateRequestAsync(call, default));

        Assert.Equal(LiteLLMErrorKind.BadRequestError, error.Kind);
        Assert.Contains("rawPredict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_DocumentedVertexResponse_BecomesChatCompletion()
    {
        var completion = new VertexAIChatAdapter().ReadResponse(FixtureJson("generate-content.response.json", "VertexAI"), VertexCall(null, null));

        Assert.Equal("RnncZ6ThBpGnnvgPwbPM6AU", completion["id"]!.GetValue<string>());
        Assert.Equal("stop", completion["choices"]![0]!["finish_reason"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":265,"completion_tokens":19,"total_tokens":284}""")!, completion["usage"]);
    }

    [Fact]
    public void ReadError_ResourceExhausted_IsVertexRateLimitError()
    {
        var error = new VertexAIChatAdapter().ReadError(429,
            """{"error":{"code":429,"message":"Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model.","status":"RESOURCE_EXHAUSTED"}}""",
            VertexCall(null, null));

        Assert.Equal(LiteLLMErrorKind.RateLimitError, error.Kind);
        Assert.StartsWith("litellm.RateLimitError: VertexAIException - Quota exceeded", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Base64Url(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
