using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// LiteLLM's response-cache key: <c>"param: value"</c> for every OpenAI/LiteLLM API parameter the request carries,
/// concatenated, SHA-256 hex, then <c>namespace:</c> in front when there is a namespace.
/// </summary>
/// <remarks>
/// The parameters come in the order LiteLLM's router hands them to the cache: <c>model</c> (the model group, or its caching
/// group), then the prompt (<c>messages</c> or <c>input</c>), then the rest in the request's order. Values are Python's
/// <c>str()</c> of the parsed JSON (<see cref="PythonRepr"/>); a parameter set to null is left out, as are <c>metadata</c>,
/// <c>litellm_metadata</c> and everything LiteLLM-only (<c>cache</c>, <c>caching</c>, <c>tags</c>, <c>fallbacks</c>, ...).
/// </remarks>
public static class CacheKey
{
    /// <summary>
    /// The parameters LiteLLM keys on: the union of the OpenAI SDK's chat, text completion, embedding, transcription and
    /// Responses create-params, LiteLLM's rerank and Anthropic Messages requests and <c>thinking</c>, without the metadata fields.
    /// </summary>
    public static IReadOnlySet<string> Parameters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Chat completions (both streaming variants, so "stream" too).
        "messages", "model", "audio", "frequency_penalty", "function_call", "functions", "logit_bias", "logprobs",
        "max_completion_tokens", "max_tokens", "modalities", "n", "parallel_tool_calls", "prediction", "presence_penalty",
        "prompt_cache_key", "prompt_cache_retention", "reasoning_effort", "response_format", "safety_identifier", "seed",
        "service_tier", "stop", "store", "stream", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs",
        "top_p", "user", "verbosity", "web_search_options", "thinking",
        // Text completions.
        "prompt", "best_of", "echo", "suffix",
        // Embeddings.
        "input", "dimensions", "encoding_format",
        // Transcriptions.
        "file", "chunking_strategy", "include", "language", "timestamp_granularities", "known_speaker_names", "known_speaker_references",
        // Rerank.
        "query", "documents", "top_n", "rank_fields", "return_documents", "max_chunks_per_doc", "max_tokens_per_doc",
        // Responses.
        "background", "conversation", "instructions", "max_output_tokens", "max_tool_calls", "previous_response_id", "reasoning",
        "text", "truncation",
        // Anthropic Messages.
        "system", "stop_sequences", "top_k", "container", "mcp_servers", "context_management", "output_format",
    };

    /// <summary>The text LiteLLM hashes, before hashing.</summary>
    /// <param name="request">The client's request body.</param>
    /// <param name="model">What stands for <c>model</c>: the model group, or its caching group.</param>
    /// <param name="promptField">The prompt parameter that follows <c>model</c> (<c>messages</c>, <c>input</c>).</param>
    /// <param name="prompt">The prompt's value: the request's own, or for embeddings one input of the list.</param>
    public static string Source(JsonObject request, string model, string promptField, JsonNode? prompt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(promptField);
        var text = new StringBuilder(256);
        text.Append("model: ").Append(model);
        if (prompt is not null)
        {
            text.Append(promptField).Append(": ");
            PythonRepr.AppendStr(text, prompt);
        }

        foreach (var (name, value) in request)
        {
            if (value is null || name == "model" || name == promptField || !Parameters.Contains(name))
            {
                continue;
            }

            text.Append(name).Append(": ");
            PythonRepr.AppendStr(text, value);
        }

        return text.ToString();
    }

    /// <summary>SHA-256 hex of <paramref name="source"/>, with <c>namespace:</c> in front when <paramref name="ns"/> is set.</summary>
    public static string Hash(string source, string? ns)
    {
        ArgumentNullException.ThrowIfNull(source);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        return string.IsNullOrEmpty(ns) ? hash : ns + ":" + hash;
    }

    /// <summary>What stands for <c>model</c>: the caching group holding <paramref name="modelGroup"/> (as Python prints the list), else the group.</summary>
    public static string ModelValue(string modelGroup, IReadOnlyList<IReadOnlyList<string>> cachingGroups)
    {
        ArgumentNullException.ThrowIfNull(modelGroup);
        ArgumentNullException.ThrowIfNull(cachingGroups);
        foreach (var group in cachingGroups)
        {
            if (group.Contains(modelGroup))
            {
                var text = new StringBuilder("[");
                for (var i = 0; i < group.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    PythonRepr.AppendString(text, group[i]);
                }

                return text.Append(']').ToString();
            }
        }

        return modelGroup;
    }
}
