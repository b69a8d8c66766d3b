using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>OpenAI message content (a string or an array of content parts) as Gemini <c>parts</c>.</summary>
public static class GeminiParts
{
    /// <summary>Appends the parts for one message's <c>content</c> to <paramref name="parts"/>.</summary>
    public static void AppendContent(JsonNode? content, JsonArray parts, string provider)
    {
        if (content is null)
        {
            return;
        }

        if (content.GetValueKind() == JsonValueKind.String)
        {
            var text = content.GetValue<string>();
            if (text.Length > 0)
            {
                parts.Add(new JsonObject { ["text"] = text });
            }

            return;
        }

        if (content is not JsonArray array)
        {
            throw GeminiErrors.BadRequest(provider, "message content must be a string or an array of content parts", "messages");
        }

        foreach (var item in array)
        {
            var type = item?["type"]?.GetValue<string>();
            switch (type)
            {
                case "text":
                    var text = item!["text"]?.GetValue<string>();
                    if (!string.IsNullOrEmpty(text))
                    {
                        parts.Add(new JsonObject { ["text"] = text });
                    }

                    break;
                case "image_url":
                    var image = item!["image_url"];
                    var url = image?.GetValueKind() == JsonValueKind.String ? image.GetValue<string>() : image?["url"]?.GetValue<string>();
                    parts.Add(FromUrl(url, image is JsonObject ? image["format"]?.GetValue<string>() : null, provider));
                    break;
                case "input_audio":
                    var audio = item!["input_audio"];
                    parts.Add(InlineData("audio/" + (audio?["format"]?.GetValue<string>() ?? "wav"), audio?["data"]?.GetValue<string>() ?? ""));
                    break;
                case "file":
                    var file = item!["file"];
                    var fileData = file?["file_data"]?.GetValue<string>() ?? file?["file_id"]?.GetValue<string>();
                    parts.Add(FromUrl(fileData, file?["format"]?.GetValue<string>(), provider));
                    break;
                default:
                    throw GeminiErrors.BadRequest(provider, $"content part type '{type}' is not supported for Gemini", "messages");
            }
        }
    }

    /// <summary>
    /// A data URL becomes <c>inline_data</c>; a <c>gs://</c> or http(s) URL becomes <c>file_data</c> with the MIME type from
    /// <paramref name="format"/> or the file extension. LiteLLM downloads other URLs; we refuse them rather than fetch on the hot path.
    /// </summary>
    public static JsonObject FromUrl(string? url, string? format, string provider)
    {
        if (string.IsNullOrEmpty(url))
        {
            throw GeminiErrors.BadRequest(provider, "image_url/file content part has no url", "messages");
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            var header = comma < 0 ? "" : url[5..comma];
            var semicolon = header.IndexOf(';', StringComparison.Ordinal);
            var mime = semicolon < 0 ? header : header[..semicolon];
            if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw GeminiErrors.BadRequest(provider, "data URLs must be base64 encoded (data:<mime>;base64,<data>)", "messages");
            }

            return InlineData(format ?? (mime.Length == 0 ? "application/octet-stream" : mime), url[(comma + 1)..]);
        }

        var mimeType = format ?? MimeTypeFromExtension(url);
        if (mimeType is null)
        {
            throw GeminiErrors.BadRequest(provider,
                $"cannot tell the MIME type of '{url}': use a URL ending in a known extension, a data URL, or set image_url.format", "messages");
        }

        return new JsonObject { ["file_data"] = new JsonObject { ["mime_type"] = mimeType, ["file_uri"] = url } };
    }

    /// <summary>The MIME type Gemini expects for a file URL's extension, or null when unknown.</summary>
    public static string? MimeTypeFromExtension(string url)
    {
        var end = url.AsSpan();
        var query = end.IndexOfAny('?', '#');
        if (query >= 0)
        {
            end = end[..query];
        }

        var dot = end.LastIndexOf('.');
        if (dot < 0 || end[dot..].Contains('/'))
        {
            return null;
        }

        return end[(dot + 1)..].ToString().ToLowerInvariant() switch
        {
            "png" => "image/png",
            "jpg" or "jpeg" => "image/jpeg",
            "webp" => "image/webp",
            "gif" => "image/gif",
            "heic" => "image/heic",
            "heif" => "image/heif",
            "pdf" => "application/pdf",
            "txt" => "text/plain",
            "mp3" => "audio/mp3",
            "wav" => "audio/wav",
            "flac" => "audio/flac",
            "ogg" => "audio/ogg",
            "aac" => "audio/aac",
            "mp4" => "video/mp4",
            "mov" => "video/mov",
            "mpeg" or "mpg" => "video/mpeg",
            "webm" => "video/webm",
            "avi" => "video/avi",
            "wmv" => "video/wmv",
            "flv" => "video/x-flv",
            "3gp" => "video/3gpp",
            _ => null,
        };
    }

    private static JsonObject InlineData(string mimeType, string base64) =>
        new() { ["inline_data"] = new JsonObject { ["mime_type"] = mimeType, ["data"] = base64 } };
}
