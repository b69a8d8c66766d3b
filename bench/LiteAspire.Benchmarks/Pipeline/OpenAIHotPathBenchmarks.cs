using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using BenchmarkDotNet.Attributes;

using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.Benchmarks.Pipeline;

/// <summary>
/// The proxy's own JSON work for one non-streaming OpenAI call, as <c>bench/load.sh</c> sends it: the request body
/// parsed, prepared for the deployment and turned into the upstream request by the OpenAI adapter; the upstream
/// answer parsed and written back to the client.
/// </summary>
[MemoryDiagnoser]
public class OpenAIHotPathBenchmarks
{
    private static readonly byte[] RequestBytes = Encoding.UTF8.GetBytes(
        """{"model":"fake","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Say hello to the benchmark."}]}""");

    private static readonly byte[] ResponseBytes = Encoding.UTF8.GetBytes("""
        {"id":"chatcmpl-9a1b2c3d4e5f","object":"chat.completion","created":1732536000,"model":"fake","system_fingerprint":"fp_fake",
        "choices":[{"index":0,"message":{"role":"assistant","content":"Hello, benchmark! This is the fake provider answering.","refusal":null},
        "logprobs":null,"finish_reason":"stop"}],
        "usage":{"prompt_tokens":21,"completion_tokens":11,"total_tokens":32,"prompt_tokens_details":{"cached_tokens":0},
        "completion_tokens_details":{"reasoning_tokens":0}}}
        """);

    private static readonly ResolvedDeployment Deployment = new()
    {
        ModelGroup = "fake", Id = "deployment-1", Provider = "openai", UpstreamModel = "fake",
        ApiBase = "http://127.0.0.1:9999/v1", ApiKey = "sk-fake-upstream",
    };

    private readonly IChatAdapter _adapter = new ProviderRegistry().Chat("openai")!;
    private readonly ArrayBufferWriter<byte> _sink = new(4096);

    [Benchmark(Description = "request: parse, prepare, adapter builds the upstream request")]
    public async Task<long> Request()
    {
        var body = JsonNode.Parse(RequestBytes)!.AsObject();
        var dropParams = RequestPreparation.DropParams(RequestPreparation.RequestDropParams(body), Deployment, global: false);
        RequestPreparation.ForDeployment(body, Deployment);
        var call = new ChatCall
        {
            Deployment = Deployment,
            DropParams = dropParams,
            Request = body,
            CallId = "call-1",
        };
        using var request = await _adapter.CreateRequestAsync(call, CancellationToken.None);
        return request.Content!.Headers.ContentLength ?? 0;
    }

    [Benchmark(Description = "headers: x-litellm-* and llm_provider-* copies of the upstream's headers")]
    public int Headers()
    {
        using var upstream = new HttpResponseMessage { Content = new ByteArrayContent(ResponseBytes) };
        upstream.RequestMessage = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9999/v1/chat/completions");
        foreach (var (name, value) in UpstreamHeaders)
        {
            upstream.Headers.TryAddWithoutValidation(name, value);
        }

        upstream.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var context = new DefaultHttpContext();
        LiteLLMHeaders.Apply(context, "fake", Deployment, upstream, 1.5, cost: null);
        return context.Response.Headers.Count;
    }

    private static readonly (string Name, string Value)[] UpstreamHeaders =
    [
        ("Date", "Wed, 25 Nov 2026 12:50:42 GMT"), ("Server", "Kestrel"), ("x-ratelimit-limit-requests", "10000"),
        ("x-ratelimit-remaining-requests", "9999"), ("x-ratelimit-limit-tokens", "1000000"),
        ("x-ratelimit-remaining-tokens", "999000"), ("x-ratelimit-reset-requests", "6ms"), ("openai-processing-ms", "212"),
        ("x-request-id", "req_7f3a9c2b1d"),
    ];

    [Benchmark(Description = "response: parse the upstream body, adapter reads it, write it to the client")]
    public async Task<long> Response()
    {
        using var upstream = new HttpResponseMessage { Content = new ByteArrayContent(ResponseBytes) };
        var call = new ChatCall { Deployment = Deployment, Request = new JsonObject(), CallId = "call-1" };
        var node = await ChatPipeline.ReadJsonAsync(upstream, "openai", CancellationToken.None);
        var completion = _adapter.ReadResponse(node, call);
        _ = completion["usage"] as JsonObject;
        _sink.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_sink, JsonBody.WriterOptions))
        {
            completion.WriteTo(writer);
        }

        return _sink.WrittenCount;
    }

    [Benchmark(Description = "response: pass-through (one reader pass for usage, bytes written)")]
    public async Task<long> ResponsePassThrough()
    {
        using var upstream = new HttpResponseMessage { Content = new ByteArrayContent(ResponseBytes) };
        var bytes = await upstream.Content.ReadAsByteArrayAsync();
        PassThroughJson.Scan(bytes, out var body, out var usage);
        _ = usage.IsEmpty ? null : JsonNode.Parse(usage.Span) as JsonObject;
        _sink.ResetWrittenCount();
        _sink.Write(body.Span);
        return _sink.WrittenCount;
    }
}
