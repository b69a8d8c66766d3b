namespace LiteAspire.FakeProvider;

/// <summary>Entry point: <c>dotnet run --project LiteAspire.FakeProvider -- --urls http://127.0.0.1:9999</c>.</summary>
internal static class Program
{
    public static Task Main(string[] args) => FakeProviderApp.Create(args).RunAsync();
}
