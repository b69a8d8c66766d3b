using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// Builds the <c>chat.completion</c> a stream amounts to, chunk by chunk (content, reasoning, tool calls, finish reasons,
/// usage), so a finished stream can be cached as one response like LiteLLM's <c>stream_chunk_builder</c> does.
/// </summary>
public sealed class ChatStreamAssembler
{
    private readonly SortedDictionary<int, ChoiceParts> _choices = [];
    private string? _id;
    private string? _model;
    private long? _created;
    private string? _fingerprint;

    /// <summary>The usage the stream reported (or the proxy counted), once known.</summary>
    public JsonObject? Usage { get; set; }

    /// <summary>Takes one chunk in.</summary>
    public void Add(JsonObject chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _id ??= JsonRead.String(chunk["id"]);
        _model ??= JsonRead.String(chunk["model"]);
        _created ??= JsonRead.Long(chunk["created"]);
        _fingerprint ??= JsonRead.String(chunk["system_fingerprint"]);
        if (chunk["usage"] is JsonObject usage)
        {
            Usage = usage;
        }

        if (chunk["choices"] is not JsonArray choices)
        {
            return;
        }

        foreach (var choice in choices)
        {
            var index = (int)(JsonRead.Long(choice.Prop("index")) ?? 0);
            if (!_choices.TryGetValue(index, out var parts))
            {
                _choices[index] = parts = new ChoiceParts();
            }

            parts.Add(choice.Prop("delta") as JsonObject);
            if (JsonRead.String(choice.Prop("finish_reason")) is { } finish)
            {
                parts.FinishReason = finish;
            }
        }
    }

    /// <summary>The assembled response; null when the stream carried no answer (LiteLLM does not cache those).</summary>
    public JsonObject? Build()
    {
        if (_choices.Count == 0 || !HasOutput())
        {
            return null;
        }

        var choices = new JsonArray();
        foreach (var (index, parts) in _choices)
        {
            choices.Add(new JsonObject
            {
                ["index"] = index,
                ["message"] = parts.Message(),
                ["logprobs"] = null,
                ["finish_reason"] = parts.FinishReason ?? "stop",
            });
        }

        var response = new JsonObject
        {
            ["id"] = _id ?? OpenAIShapes.NewCompletionId(),
            ["object"] = "chat.completion",
            ["created"] = _created ?? OpenAIShapes.Now(),
            ["model"] = _model,
            ["choices"] = choices,
        };
        if (_fingerprint is not null)
        {
            response["system_fingerprint"] = _fingerprint;
        }

        if (Usage is not null)
        {
            response["usage"] = Usage.DeepClone();
        }

        return response;
    }

    private bool HasOutput()
    {
        foreach (var (_, parts) in _choices)
        {
            if (parts.HasOutput)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class ChoiceParts
    {
        private readonly StringBuilder _content = new();
        private StringBuilder? _reasoning;
        private SortedDictionary<int, (string? Id, string? Type, string? Name, StringBuilder Arguments)>? _tools;
        private string _role = "assistant";

        public string? FinishReason { get; set; }

        public bool HasOutput => _content.Length > 0 || _reasoning is { Length: > 0 } || _tools is { Count: > 0 };

        public void Add(JsonObject? delta)
        {
            if (delta is null)
            {
                return;
            }

            _role = JsonRead.String(delta["role"]) ?? _role;
            _content.Append(JsonRead.String(delta["content"]));
            if (JsonRead.String(delta["reasoning_content"]) is { } reasoning)
            {
                (_reasoning ??= new StringBuilder()).Append(reasoning);
            }

            if (delta["tool_calls"] is not JsonArray calls)
            {
                return;
            }

            _tools ??= [];
            foreach (var call in calls)
            {
                var index = (int)(JsonRead.Long(call.Prop("index")) ?? _tools.Count);
                var current = _tools.TryGetValue(index, out var known) ? known : (null, null, null, new StringBuilder());
                current.Id ??= JsonRead.String(call.Prop("id"));
                current.Type ??= JsonRead.String(call.Prop("type"));
                current.Name ??= JsonRead.String(call.Prop("function").Prop("name"));
                current.Arguments.Append(JsonRead.String(call.Prop("function").Prop("arguments")));
                _tools[index] = current;
            }
        }

        public JsonObject Message()
        {
            var message = new JsonObject
            {
                ["role"] = _role,
                ["content"] = _content.Length > 0 || _tools is null ? _content.ToString() : null,
            };
            if (_reasoning is not null)
            {
                message["reasoning_content"] = _reasoning.ToString();
            }

            if (_tools is { Count: > 0 })
            {
                var calls = new JsonArray();
                foreach (var (_, tool) in _tools)
                {
                    calls.Add(new JsonObject
                    {
                        ["id"] = tool.Id,
                        ["type"] = tool.Type ?? "function",
                        ["function"] = new JsonObject { ["name"] = tool.Name, ["arguments"] = tool.Arguments.ToString() },
                    });
                }

                message["tool_calls"] = calls;
            }

            return message;
        }
    }
}
