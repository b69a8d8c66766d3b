using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>Keeps <see cref="NativeProviders"/> honest: enabled rows have adapters, waiting rows are moved once theirs arrive.</summary>
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

    [Fact]
    public void AwaitingMerge_NoRowIsRegisteredYet()
    {
        foreach (var provider in NativeProviders.AwaitingMerge)
        {
            Assert.True(_registry.Chat(provider.ChatPrefix) is null,
                $"'{provider.ChatPrefix}' now has an adapter: move the '{provider.Name}' row from NativeProviders.AwaitingMerge to NativeProviders.All");
        }
    }
}
