using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

using LiteAspire.Proxy.Errors;

using Microsoft.AspNetCore.Http.Features;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>Reads a JSON request body under the size limit; every failure is a 4xx in OpenAI's shape.</summary>
public static class RequestBody
{
    /// <summary>The body as a JSON object.</summary>
    /// <exception cref="GatewayException">413 over the limit; 400 for malformed JSON, invalid UTF-8 or a non-object body.</exception>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await ReadBytesAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw new GatewayException(400, "Request body is empty: expected a JSON object.", "invalid_request_error");
        }

        // The JSON reader checks UTF-8 only for the strings it decodes; a bad byte inside a message must not surface later as a 500.
        if (!Utf8.IsValid(bytes))
        {
            throw new GatewayException(400, "Invalid request body: not valid UTF-8.", "invalid_request_error");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            // System.Text.Json's message names the line and byte, and also catches invalid UTF-8; it never echoes the body.
            throw new GatewayException(400, $"Invalid JSON in request body: {e.Message}", "invalid_request_error");
        }

        return node as JsonObject ?? throw new GatewayException(400, "Request body must be a JSON object.", "invalid_request_error");
    }

    /// <summary>The raw body, refusing more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // Kestrel's own cap (30 MB) must not undercut a larger max_request_size_mb; ours is enforced below.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        // One spare byte: the read that sees the end of a body of the declared length needs room, and must not grow the buffer.
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and < 8192 ? (int)request.ContentLength + 1 : 8192);
        while (true)
        {
            // Size reads to the declared length, so a small body costs one right-sized buffer, not an 8 KiB one.
            var remaining = request.ContentLength - buffer.WrittenCount;
            var memory = buffer.GetMemory(remaining is { } left and >= 0 and < 8192 ? (int)Math.Max(1, left) : 8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static GatewayException TooLarge(long maxBytes) => new(413,
        $"Request size is too large. Request size is greater than the maximum allowed size of {maxBytes / (1024d * 1024d):0.##} MB (general_settings.max_request_size_mb).",
        "invalid_request_error");
}
