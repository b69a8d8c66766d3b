using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>A Gemini <c>GenerateContentResponse</c> as an OpenAI <c>chat.completion</c>: one choice per candidate.</summary>
public static class GeminiResponse
{
    /// <summary>Translates a successful non-streaming body.</summary>
    public static JsonObject Translate(JsonNode upstreamBody, ChatCall call, string provider)
    {
        if (upstreamBody["error"] is JsonObject error)
        {
            throw GeminiErrors.FromErrorNode(error, provider);
        }

        var model = call.Request["model"]?.GetValue<string>() ?? call.Deployment.UpstreamModel;
        var id = upstreamBody["responseId"]?.GetValue<string>() ?? OpenAIShapes.NewCompletionId();
        var choices = new List<(JsonObject Message, string FinishReason)>();
        var logprobs = new List<JsonObject?>();
        if (upstreamBody["candidates"] is JsonArray candidates)
        {
            foreach (var candidate in candidates)
            {
                var read = GeminiCandidate.Read(candidate, indexed: false, 0);
                var finish = read.ToolCalls is not null ? "tool_calls" : FinishReasons.Map(candidate?["finishReason"]?.GetValue<string>());
                choices.Add((OpenAIShapes.AssistantMessage(read.Text, read.ToolCalls, read.Reasoning), finish));
                logprobs.Add(GeminiCandidate.Logprobs(candidate));
            }
        }

        if (choices.Count == 0)
        {
            // The prompt itself was blocked (promptFeedback.blockReason): LiteLLM answers with an empty content_filter choice.
            var blocked = upstreamBody["promptFeedback"]?["blockReason"] is not null;
            choices.Add((OpenAIShapes.AssistantMessage(null), blocked ? "content_filter" : "stop"));
            logprobs.Add(null);
        }

        var completion = OpenAIShapes.ChatCompletion(id, model, OpenAIShapes.Now(), choices, GeminiCandidate.Usage(upstreamBody["usageMetadata"]));
        var choiceArray = (JsonArray)completion["choices"]!;
        for (var i = 0; i < logprobs.Count; i++)
        {
            if (logprobs[i] is { } value)
            {
                choiceArray[i]!["logprobs"] = value;
            }
        }

        return completion;
    }
}
