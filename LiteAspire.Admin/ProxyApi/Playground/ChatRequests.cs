namespace LiteAspire.Admin.ProxyApi.Playground;

/// <summary>A chat message (OpenAI's shape).</summary>
public sealed record ChatMessage(string Role, string Content);

/// <summary><c>stream_options</c>: ask for the usage chunk at the end of a stream.</summary>
public sealed record StreamOptions(bool IncludeUsage);

/// <summary><c>POST /v1/chat/completions</c> as the playground sends it.</summary>
public sealed record ChatCompletionRequest(string Model, IReadOnlyList<ChatMessage> Messages, bool Stream, StreamOptions? StreamOptions, double? Temperature);
