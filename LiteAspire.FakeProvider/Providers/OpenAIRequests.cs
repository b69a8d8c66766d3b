namespace LiteAspire.FakeProvider.Providers;

/// <summary>Reads the fields the fake uses from OpenAI-shaped chat requests (OpenAI, Azure, Ollama and Cohere share the tools shape).</summary>
internal static class OpenAIRequests
{
    public static ChatInput ChatInput(JsonElement body, string? modelOverride = null)
    {
        var input = new ChatInput
        {
            Model = modelOverride ?? String(body, "model") ?? "fake-model",
            Stream = Bool(body, "stream"),
            MaxTokens = Int(body, "max_completion_tokens") ?? Int(body, "max_tokens"),
        };
        if (body.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            input.IncludeUsage = Bool(options, "include_usage");
        }

        AddMessages(input, body);
        input.ToolName = ToolToCall(body);
        return input;
    }

    /// <summary>Counts each <c>messages[]</c> entry's role and content: OpenAI, Anthropic and Bedrock share this shape.</summary>
    public static void AddMessages(ChatInput input, JsonElement body)
    {
        if (body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var content))
                {
                    input.AddMessage(String(message, "role"), Content.ChatInput.TextOf(content));
                }
            }
        }
    }

    /// <summary>The first tool's name (or the one tool_choice names) unless tool_choice is "none" or absent tools.</summary>
    public static string? ToolToCall(JsonElement body)
    {
        if (!body.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array || tools.GetArrayLength() == 0)
        {
            return null;
        }

        if (body.TryGetProperty("tool_choice", out var choice))
        {
            if (choice.ValueKind == JsonValueKind.String && string.Equals(choice.GetString(), "none", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("function", out var named) && String(named, "name") is { } chosen)
            {
                return chosen;
            }
        }

        var first = tools[0];
        if (first.TryGetProperty("function", out var function))
        {
            return String(function, "name") ?? "tool";
        }

        return String(first, "name") ?? "tool";
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    /// <summary>The texts of an embeddings-style <c>input</c>: a string, strings, or token arrays (counted as their joined numbers).</summary>
    public static List<string> Inputs(JsonElement body, string name = "input")
    {
        var texts = new List<string>();
        if (!body.TryGetProperty(name, out var input))
        {
            return texts;
        }

        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                texts.Add(input.GetString() ?? "");
                break;
            case JsonValueKind.Array when input.GetArrayLength() > 0 && input[0].ValueKind == JsonValueKind.Number:
                texts.Add(input.GetRawText());
                break;
            case JsonValueKind.Array:
                foreach (var item in input.EnumerateArray())
                {
                    texts.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : item.GetRawText());
                }

                break;
        }

        return texts;
    }
}
