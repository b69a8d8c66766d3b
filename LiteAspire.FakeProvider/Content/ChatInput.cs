using System.Text.Json;

namespace LiteAspire.FakeProvider.Content;

/// <summary>What the fake needs from any provider's chat request: the prompt's size, the last user text, and whether to call a tool.</summary>
internal sealed class ChatInput
{
    public string Model { get; set; } = "fake-model";

    public bool Stream { get; set; }

    public bool IncludeUsage { get; set; }

    public int? MaxTokens { get; set; }

    /// <summary>Characters of every message's text, system included: the prompt token count derives from it.</summary>
    public int PromptChars { get; private set; }

    public string LastUserText { get; private set; } = "";

    /// <summary>The tool the reply calls, or null for a text reply (no tools, or tool choice "none").</summary>
    public string? ToolName { get; set; }

    /// <summary>Counts a message and remembers the last user text.</summary>
    public void AddMessage(string? role, string text)
    {
        PromptChars += text.Length;
        if (role is "user")
        {
            LastUserText = text;
        }
    }

    /// <summary>The text of a content value in any provider's shape: a string, or parts/blocks carrying <c>text</c> (nested <c>content</c>/<c>parts</c> too).</summary>
    public static string TextOf(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString() ?? "";
            case JsonValueKind.Array:
                var length = content.GetArrayLength();
                if (length == 1)
                {
                    return TextOf(content[0]);
                }

                var parts = new List<string>(length);
                foreach (var item in content.EnumerateArray())
                {
                    var text = TextOf(item);
                    if (text.Length > 0)
                    {
                        parts.Add(text);
                    }
                }

                return string.Join('\n', parts);
            case JsonValueKind.Object:
                if (content.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString() ?? "";
                }

                if (content.TryGetProperty("content", out var inner) || content.TryGetProperty("parts", out inner))
                {
                    return TextOf(inner);
                }

                return "";
            default:
                return "";
        }
    }
}
