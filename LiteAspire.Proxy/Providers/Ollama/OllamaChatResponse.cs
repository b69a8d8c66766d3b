using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Ollama;

/// <summary>Translates Ollama <c>/api/chat</c> and <c>/api/generate</c> responses, usage and errors to OpenAI's shapes.</summary>
public static class OllamaChatResponse
{
    private const string Provider = "ollama";

    /// <summary>A final (<c>done: true</c>) body as a <c>chat.completion</c>: <c>message</c> for chat, <c>response</c> for generate.</summary>
    public static JsonObject ToChatCompletion(JsonNode body, string model)
    {
        ArgumentNullException.ThrowIfNull(body);
        var message = body["message"];
        var text = JsonRead.String(message?["content"]) ?? JsonRead.String(body["response"]);
        var thinking = JsonRead.String(message?["thinking"]) ?? JsonRead.String(body["thinking"]);
        var toolCalls = ToolCalls(message?["tool_calls"] as JsonArray, 0);
        var finish = toolCalls.Count > 0 ? "tool_calls" : FinishReason(body);
        var assistant = OpenAIShapes.AssistantMessage(string.IsNullOrEmpty(text) && toolCalls.Count > 0 ? null : text ?? "", toolCalls,
            string.IsNullOrEmpty(thinking) ? null : thinking);
        return OpenAIShapes.ChatCompletion(OpenAIShapes.NewCompletionId(), model, OpenAIShapes.Now(), [(assistant, finish)], Usage(body));
    }

    /// <summary>Ollama's tool calls (arguments as an object, often no id) as OpenAI tool calls numbered from <paramref name="firstIndex"/>.</summary>
    public static JsonArray ToolCalls(JsonArray? calls, int firstIndex)
    {
        var result = new JsonArray();
        if (calls is null)
        {
            return result;
        }

        foreach (var call in calls)
        {
            var function = call?["function"];
            var arguments = function?["arguments"];
            result.Add(OpenAIShapes.ToolCall(
                JsonRead.String(call?["id"]) ?? OpenAIShapes.NewToolCallId(),
                JsonRead.String(function?["name"]) ?? "",
                JsonRead.String(arguments) ?? arguments?.ToJsonString() ?? "{}",
                firstIndex + result.Count));
        }

        return result;
    }

    /// <summary><c>done_reason</c> in OpenAI's words (<c>length</c> stays, <c>load</c>/<c>unload</c>/<c>stop</c> are stops).</summary>
    public static string FinishReason(JsonNode body) => FinishReasons.Map(JsonRead.String(body?["done_reason"]));

    /// <summary><c>prompt_eval_count</c> / <c>eval_count</c> as OpenAI usage.</summary>
    public static JsonObject Usage(JsonNode body) =>
        OpenAIShapes.Usage(JsonRead.LongOrZero(body?["prompt_eval_count"]), JsonRead.LongOrZero(body?["eval_count"]));

    /// <summary>An Ollama error (<c>{"error": "..."}</c>) at <paramref name="status"/> as LiteLLM's exception.</summary>
    public static ProviderException Error(int status, string body)
    {
        var message = ChatRequestParts.ErrorMessage(body);
        return new ProviderException(LiteLLMErrors.Classify(status, message), Provider, message, status);
    }
}
