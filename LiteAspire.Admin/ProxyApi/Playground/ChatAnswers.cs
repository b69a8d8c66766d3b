namespace LiteAspire.Admin.ProxyApi.Playground;

/// <summary>One <c>chat.completion.chunk</c> of a stream; the last carries <c>usage</c> and no choices.</summary>
public sealed record ChatChunk(IReadOnlyList<ChunkChoice>? Choices, ChatUsage? Usage, string? Model);

/// <summary>A chunk's choice.</summary>
public sealed record ChunkChoice(ChunkDelta? Delta, string? FinishReason);

/// <summary>The text a chunk adds.</summary>
public sealed record ChunkDelta(string? Content);

/// <summary>Token counts.</summary>
public sealed record ChatUsage(long PromptTokens, long CompletionTokens, long TotalTokens);

/// <summary>OpenAI's <c>GET /v1/models</c>: the models the key may call.</summary>
public sealed record OpenAIModelList(IReadOnlyList<OpenAIModel> Data);

/// <summary>A model of the list.</summary>
public sealed record OpenAIModel(string Id);
