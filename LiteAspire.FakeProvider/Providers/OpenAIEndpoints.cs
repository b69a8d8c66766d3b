using System.Runtime.InteropServices;

namespace LiteAspire.FakeProvider.Providers;

/// <summary>OpenAI's other endpoints: embeddings, models, images, audio, moderations, rerank (Cohere-shaped, as LiteLLM serves it).</summary>
internal static class OpenAIEndpoints
{
    /// <summary>The models <c>/v1/models</c> lists; any other name is accepted too.</summary>
    public static readonly string[] Models = ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "dall-e-3", "tts-1", "whisper-1", "omni-moderation-latest"];

    /// <summary>A 1x1 transparent PNG, for image generations.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static IEndpointRouteBuilder MapOpenAIOther(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/embeddings", context => EmbeddingsAsync(context, FakeWire.OpenAI, null));
        app.MapPost("/openai/deployments/{deployment}/embeddings", context => OpenAIChatEndpoints.AzureAsync(context, EmbeddingsAsync));
        app.MapGet("/v1/models", ModelsAsync);
        app.MapGet("/v1/models/{id}", ModelAsync);
        app.MapPost("/v1/images/generations", FakeGate.Json(FakeWire.OpenAI, ImagesAsync));
        app.MapGet("/v1/fake-files/image.png", context => JsonReply.WriteBytesAsync(context, 200, "image/png", Png));
        app.MapPost("/v1/audio/speech", FakeGate.Json(FakeWire.OpenAI, SpeechAsync));
        app.MapPost("/v1/audio/transcriptions", TranscriptionsAsync);
        app.MapPost("/v1/moderations", FakeGate.Json(FakeWire.OpenAI, ModerationsAsync));
        app.MapPost("/v1/rerank", FakeGate.Json(FakeWire.OpenAI, RerankEndpoints.RerankAsync));
        return app;
    }

    private static async Task EmbeddingsAsync(HttpContext context, FakeWire wire, string? deployment)
    {
        using var request = await FakeGate.PassJsonAsync(context, wire);
        if (request is null)
        {
            return;
        }

        var root = request.Root;
        var texts = OpenAIRequests.Inputs(root);
        if (texts.Count == 0)
        {
            await ProviderErrors.WriteAsync(context, wire, 400, "'input' is a required property");
            return;
        }

        var dimensions = OpenAIRequests.Int(root, "dimensions") ?? FakeVectors.DefaultDimensions;
        var base64 = OpenAIRequests.String(root, "encoding_format") == "base64";
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        var characters = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            characters += texts[i].Length;
            var vector = FakeVectors.For(texts[i], dimensions);
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            if (base64)
            {
                // OpenAI's base64 is the little-endian float32 bytes.
                json.WriteBase64String("embedding", MemoryMarshal.AsBytes(vector.AsSpan()));
            }
            else
            {
                json.WriteStartArray("embedding");
                foreach (var value in vector)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("model", OpenAIRequests.String(root, "model") ?? deployment ?? "text-embedding-3-small");
        var tokens = FakeReply.PromptTokensFor(characters);
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", tokens);
        json.WriteNumber("total_tokens", tokens);
        json.WriteEndObject();
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static async Task ModelsAsync(HttpContext context)
    {
        if (await FakeGate.PassAsync(context, FakeWire.OpenAI) is null)
        {
            return;
        }

        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        foreach (var model in Models)
        {
            WriteModel(json, model);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static async Task ModelAsync(HttpContext context)
    {
        if (await FakeGate.PassAsync(context, FakeWire.OpenAI) is null)
        {
            return;
        }

        var json = JsonReply.Start();
        WriteModel(json, context.Request.RouteValues["id"] as string ?? "fake-model");
        await JsonReply.SendAsync(context);
    }

    private static void WriteModel(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "model");
        json.WriteNumber("created", 1700000000);
        json.WriteString("owned_by", "fake-provider");
        json.WriteEndObject();
    }

    private static async Task ImagesAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        var prompt = OpenAIRequests.String(root, "prompt") ?? "";
        var count = Math.Clamp(OpenAIRequests.Int(root, "n") ?? 1, 1, 10);
        var asBase64 = OpenAIRequests.String(root, "response_format") == "b64_json";
        var http = context.Request;
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteStartArray("data");
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            if (asBase64)
            {
                json.WriteBase64String("b64_json", Png);
            }
            else
            {
                json.WriteString("url", $"{http.Scheme}://{http.Host}/v1/fake-files/image.png");
            }

            json.WriteString("revised_prompt", "A fake image of: " + prompt);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static async Task SpeechAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        var text = OpenAIRequests.String(root, "input") ?? "";
        var format = OpenAIRequests.String(root, "response_format") ?? "mp3";
        // Not playable audio: a recognisable header and one byte per input character, so size follows input.
        var bytes = new byte[16 + text.Length];
        "FAKEAUDIO"u8.CopyTo(bytes);
        for (var i = 16; i < bytes.Length; i++)
        {
            bytes[i] = (byte)text[i - 16];
        }

        var contentType = format switch
        {
            "wav" => "audio/wav",
            "opus" => "audio/opus",
            "aac" => "audio/aac",
            "flac" => "audio/flac",
            "pcm" => "audio/pcm",
            _ => "audio/mpeg",
        };
        await JsonReply.WriteBytesAsync(context, 200, contentType, bytes);
    }

    private static async Task TranscriptionsAsync(HttpContext context)
    {
        if (await FakeGate.PassAsync(context, FakeWire.OpenAI) is null)
        {
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await ProviderErrors.WriteAsync(context, FakeWire.OpenAI, 400, "Expected multipart/form-data with a 'file' field.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            await ProviderErrors.WriteAsync(context, FakeWire.OpenAI, 400, "'file' is a required property");
            return;
        }

        var text = $"This is a fake transcription of {file.FileName} ({file.Length} bytes).";
        var format = form["response_format"].ToString();
        if (format is "text" or "srt" or "vtt")
        {
            await JsonReply.SendRawAsync(context, 200, text, "text/plain; charset=utf-8");
            return;
        }

        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("text", text);
        if (format == "verbose_json")
        {
            json.WriteString("task", "transcribe");
            json.WriteString("language", "english");
            json.WriteNumber("duration", Math.Round(file.Length / 16000.0, 2));
        }

        json.WriteStartObject("usage");
        json.WriteString("type", "duration");
        json.WriteNumber("seconds", Math.Max(1, (int)(file.Length / 16000)));
        json.WriteEndObject();
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static readonly string[] ModerationCategories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent", "self-harm",
        "self-harm/instructions", "self-harm/intent", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    /// <summary>Inputs containing this word are flagged for violence, so flagged paths can be tested.</summary>
    public const string FlagWord = "fake-flag";

    private static async Task ModerationsAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        var texts = OpenAIRequests.Inputs(root);
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("id", "modr-fake" + FakeIds.Hex("moderation", string.Join('\n', texts), texts.Count));
        json.WriteString("model", OpenAIRequests.String(root, "model") ?? "omni-moderation-latest");
        json.WriteStartArray("results");
        foreach (var text in texts)
        {
            var flagged = text.Contains(FlagWord, StringComparison.OrdinalIgnoreCase);
            json.WriteStartObject();
            json.WriteBoolean("flagged", flagged);
            json.WriteStartObject("categories");
            foreach (var category in ModerationCategories)
            {
                json.WriteBoolean(category, flagged && category == "violence");
            }

            json.WriteEndObject();
            json.WriteStartObject("category_scores");
            foreach (var category in ModerationCategories)
            {
                json.WriteNumber(category, flagged && category == "violence" ? 0.99 : 0.0001);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }
}
