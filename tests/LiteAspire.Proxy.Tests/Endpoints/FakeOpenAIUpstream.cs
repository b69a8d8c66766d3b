using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Support;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Proxy.Tests.Endpoints;

/// <summary>A request the fake upstream received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// A real OpenAI-shaped server on 127.0.0.1:0 (Kestrel), so streaming, disconnects and timeouts go over real sockets.
/// Behaviour is chosen by the request's upstream model name: "status-NNN" fails with NNN, "slow" waits, "gated" holds its
/// last chunk until <see cref="ReleaseGate"/>, "hang" streams one chunk and waits for the caller to leave.
/// </summary>
public sealed class FakeOpenAIUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeOpenAIUpstream(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public TaskCompletionSource UpstreamAborted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordedRequest LastRequest => Requests.Last();

    public void Reset()
    {
        Requests.Clear();
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        UpstreamAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseGate() => _gate.TrySetResult();

    public static async Task<FakeOpenAIUpstream> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeOpenAIUpstream(app);
        app.Run(fake.HandleAsync);
        fake.BaseUri = await LoopbackApp.StartAsync(app);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        _gate.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
            headers, context.Request.ContentType ?? "", body));

        var path = context.Request.Path.Value ?? "";
        context.Response.Headers["x-ratelimit-remaining-requests"] = "99";
        context.Response.Headers["x-request-id"] = "req_fake_1";
        if (path.EndsWith("/audio/transcriptions", StringComparison.Ordinal))
        {
            await Json(context, new JsonObject { ["text"] = "hello from audio" });
            return;
        }

        var request = body.Length > 0 && context.Request.ContentType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(body)!.AsObject()
            : new JsonObject();
        var model = request["model"]?.GetValue<string>() ?? "";
        if (model.StartsWith("status-", StringComparison.Ordinal))
        {
            await ErrorAsync(context, model);
            return;
        }

        if (model == "slow")
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        }

        if (path.EndsWith("/embeddings", StringComparison.Ordinal))
        {
            await Json(context, Embeddings(request));
        }
        else if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            if (request["stream"]?.GetValue<bool>() == true)
            {
                await StreamAsync(context, request, model);
            }
            else
            {
                await Json(context, Completion(request));
            }
        }
        else if (path.EndsWith("/audio/speech", StringComparison.Ordinal))
        {
            context.Response.ContentType = "audio/mpeg";
            await context.Response.Body.WriteAsync(new byte[] { 0x49, 0x44, 0x33, 0x04, 0x00 });
        }
        else if (path.EndsWith("/rerank", StringComparison.Ordinal))
        {
            await Json(context, new JsonObject
            {
                ["id"] = "rerank-1",
                ["results"] = new JsonArray { new JsonObject { ["index"] = 1, ["relevance_score"] = 0.9 }, new JsonObject { ["index"] = 0, ["relevance_score"] = 0.1 } },
                ["meta"] = new JsonObject { ["billed_units"] = new JsonObject { ["search_units"] = 1 } },
            });
        }
        else
        {
            // images, moderations, responses, completions: echo what arrived so tests can see the forwarded body.
            await Json(context, new JsonObject { ["object"] = "echo", ["path"] = path, ["received"] = request.DeepClone() });
        }
    }

    private static Task Json(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(node.ToJsonString());
    }

    private static Task ErrorAsync(HttpContext context, string model)
    {
        var status = int.Parse(model.AsSpan(7, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        var message = model.EndsWith("ctx", StringComparison.Ordinal)
            ? "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens."
            : $"fake upstream failure {status}";
        context.Response.StatusCode = status;
        return Json(context, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = "fake_code" },
        });
    }

    private static string Reply(JsonObject request)
    {
        var messages = request["messages"]!.AsArray();
        var last = messages[^1]!["content"];
        return "echo: " + (last is JsonValue value ? value.GetValue<string>() : last?.ToJsonString());
    }

    private static JsonObject Usage() => new() { ["prompt_tokens"] = 10, ["completion_tokens"] = 3, ["total_tokens"] = 13 };

    private static JsonObject Completion(JsonObject request)
    {
        var hasTools = request["tools"] is JsonArray { Count: > 0 } && request["messages"]!.AsArray()[^1]!["role"]!.GetValue<string>() != "tool";
        var message = hasTools
            ? new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["id"] = "call_abc123",
                        ["type"] = "function",
                        ["function"] = new JsonObject
                        {
                            ["name"] = request["tools"]![0]!["function"]!["name"]!.GetValue<string>(),
                            ["arguments"] = "{\"location\":\"Paris\"}",
                        },
                    },
                },
            }
            : new JsonObject { ["role"] = "assistant", ["content"] = Reply(request) };
        return new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1700000000,
            ["model"] = request["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray
            {
                new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = hasTools ? "tool_calls" : "stop" },
            },
            ["usage"] = Usage(),
        };
    }

    private static JsonObject Embeddings(JsonObject request)
    {
        var inputs = request["input"] is JsonArray array ? array.Count : 1;
        var data = new JsonArray();
        for (var i = 0; i < inputs; i++)
        {
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray(0.1, 0.2, 0.3) });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 4, ["total_tokens"] = 4 },
        };
    }

    private async Task StreamAsync(HttpContext context, JsonObject request, string model)
    {
        context.Response.ContentType = "text/event-stream";
        var includeUsage = request["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var hasTools = request["tools"] is JsonArray { Count: > 0 };
        var deltas = new List<JsonObject> { new() { ["role"] = "assistant", ["content"] = "" } };
        if (hasTools)
        {
            deltas.Add(new JsonObject
            {
                ["tool_calls"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["index"] = 0, ["id"] = "call_abc123", ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = request["tools"]![0]!["function"]!["name"]!.GetValue<string>(), ["arguments"] = "" },
                    },
                },
            });
            deltas.Add(new JsonObject { ["tool_calls"] = new JsonArray { new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = "{\"location\":\"Paris\"}" } } } });
        }
        else
        {
            deltas.Add(new JsonObject { ["content"] = "Hello" });
            deltas.Add(new JsonObject { ["content"] = " world" });
        }

        foreach (var delta in deltas)
        {
            await SendChunkAsync(context, Chunk(model, delta, null, includeUsage));
        }

        if (model == "midfail")
        {
            await context.Response.WriteAsync("data: {\"error\":{\"message\":\"upstream broke mid-stream\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n");
            return;
        }

        if (model == "hang")
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                UpstreamAborted.TrySetResult();
                throw;
            }
        }

        if (model == "gated")
        {
            await _gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await SendChunkAsync(context, Chunk(model, new JsonObject(), hasTools ? "tool_calls" : "stop", includeUsage));
        if (includeUsage)
        {
            await SendChunkAsync(context, new JsonObject
            {
                ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = model,
                ["choices"] = new JsonArray(), ["usage"] = Usage(),
            });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static JsonObject Chunk(string model, JsonObject delta, string? finish, bool includeUsage)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1700000000,
            ["model"] = model,
            ["choices"] = new JsonArray { new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish } },
        };
        if (includeUsage)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    private static async Task SendChunkAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n");
        await context.Response.Body.FlushAsync();
    }
}
