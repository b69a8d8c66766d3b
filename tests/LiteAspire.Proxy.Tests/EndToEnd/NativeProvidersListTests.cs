using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>Keeps <see cref="NativeProviders"/> honest: every row has the adapters its tests call.</summary>
public sealed class NativeProvidersListTests
{
    private readonly ProviderRegistry _registry = new();

    [Fact]
    public void All_EveryRow_HasChatAndEmbeddingAdapters()
    {
        foreach (var provider in NativeProviders.All)
        {
            Assert.True(_registry.Chat(provider.ChatPrefix) is not null, $"{provider.Name}: no chat adapter for '{provider.ChatPrefix}'");
            Assert.True(provider.EmbeddingPrefix is null || _registry.Embedding(provider.EmbeddingPrefix) is not null,
                $"{provider.Name}: no embedding adapter for '{provider.EmbeddingPrefix}'");
        }
    }
}
