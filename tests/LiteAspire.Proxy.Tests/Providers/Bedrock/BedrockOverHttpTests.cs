using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

/// <summary>The adapter against a real HTTP server on 127.0.0.1 that checks the SigV4 signature of what actually arrived and streams frames.</summary>
public sealed class BedrockOverHttpTests : IAsyncLifetime
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private readonly TaskCompletionSource _releaseRest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;
    private string _baseUrl = "";
    private string? _signatureProblem;

    public async Task InitializeAsync()
    {
        _server = LoopbackApp.Create();
        _server.MapPost("/model/{id}/converse-stream", async context =>
        {
            _signatureProblem = await CheckSignature(context);
            context.Response.ContentType = "application/vnd.amazon.eventstream";
            await context.Response.Body.WriteAsync(EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}"));
            await context.Response.Body.WriteAsync(EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}"));
            await context.Response.Body.FlushAsync();
            // The rest waits until the client has seen the first chunks: proof that nothing buffers the whole stream.
            await _releaseRest.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await context.Response.Body.WriteAsync(EventStreamEncoder.EncodeEvent("messageStop", "{\"stopReason\":\"end_turn\"}"));
            await context.Response.Body.WriteAsync(EventStreamEncoder.EncodeEvent("metadata", "{\"usage\":{\"inputTokens\":3,\"outputTokens\":1,\"totalTokens\":4}}"));
        });
        _baseUrl = (await LoopbackApp.StartAsync(_server)).ToString().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        _releaseRest.TrySetResult();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConverseStream_OverHttp_SignatureVerifiesAndChunksArriveBeforeStreamEnds()
    {
        var deployment = Deployment("bedrock", "anthropic.claude-3-haiku-20240307-v1:0", apiBase: _baseUrl, parameters: new()
        {
            ["aws_access_key_id"] = "AKIDEXAMPLE",
            ["aws_secret_access_key"] = Secret,
            ["aws_region_name"] = "us-east-1",
        });
        var call = Chat(deployment, new JsonObject
        {
            ["model"] = "anthropic.claude-3-haiku-20240307-v1:0",
            ["stream"] = true,
            ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "Hello" } },
        });
        var adapter = new BedrockConverseAdapter();
        using var client = new HttpClient();

        using var request = await adapter.CreateRequestAsync(call, CancellationToken.None);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var chunks = new List<JsonObject>();
        await using var body = await response.Content.ReadAsStreamAsync();
        await foreach (var chunk in adapter.ReadStreamAsync(body, call, CancellationToken.None))
        {
            chunks.Add(chunk);
            if (chunks.Count == 2)
            {
                Assert.False(_releaseRest.Task.IsCompleted);
                _releaseRest.SetResult();
            }
        }

        Assert.Null(_signatureProblem);
        Assert.Equal(4, chunks.Count);
        Assert.Equal("Hi", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", chunks[2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(4, chunks[3]["usage"]!["total_tokens"]!.GetValue<long>());
    }

    // Recomputes the signature from the request as the server received it (Host with its port, raw path, body bytes).
    private static async Task<string?> CheckSignature(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var payloadHash = SigV4Oracle.Hex(SHA256.HashData(buffer.ToArray()));
        if (context.Request.Headers["X-Amz-Content-SHA256"] != payloadHash)
        {
            return "x-amz-content-sha256 does not match the body received";
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in parts["SignedHeaders"].Split(';'))
        {
            headers[name] = name == "host" ? context.Request.Host.Value! : context.Request.Headers[name].ToString();
        }

        var rawPath = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var canonicalPath = string.Join('/', rawPath.Split('/').Select(Uri.EscapeDataString));
        var at = DateTime.ParseExact(context.Request.Headers["X-Amz-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var expected = SigV4Oracle.Signature("POST", canonicalPath, "", headers, payloadHash, Secret, at, "us-east-1", "bedrock");
        return expected == parts["Signature"] ? null : $"signature mismatch: host header '{context.Request.Host.Value}', signed headers '{parts["SignedHeaders"]}'";
    }
}
