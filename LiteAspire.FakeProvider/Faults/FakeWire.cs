namespace LiteAspire.FakeProvider.Faults;

/// <summary>The provider family whose error body and auth rule a route follows.</summary>
internal enum FakeWire
{
    OpenAI,
    Azure,
    Anthropic,
    Google,
    Bedrock,
    Cohere,
    Ollama,
}
