using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace LiteAspire.Hosting;

/// <summary>
/// Lets the testing builder run an AppHost's real entry point and take its model at Build(),
/// the way Aspire.Hosting.Testing does.
/// </summary>
internal sealed class ApplicationModelInterceptor(Assembly appHostAssembly, Action<DistributedApplicationOptions> configureOptions)
{
    public Assembly AppHostAssembly { get; } = appHostAssembly;

    public DistributedApplicationBuilder? CapturedBuilder { get; private set; }

    public void ConfigureOptions(DistributedApplicationOptions options) => configureOptions(options);

    public static void ConfigureConfiguration(ConfigurationManager configuration) =>
        // Tests must not pick up a developer's fixed parameters by accident; they can set their own after capture.
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LiteAspire:Testing"] = "true" });

    public void Capture(DistributedApplicationBuilder builder) => CapturedBuilder = builder;
}

/// <summary>Thrown out of the AppHost's Build() once the testing builder has the model.</summary>
internal sealed class ApplicationModelCapturedException : Exception
{
    public ApplicationModelCapturedException() : base("The application model was captured by the testing builder.") { }

    public ApplicationModelCapturedException(string message) : base(message) { }

    public ApplicationModelCapturedException(string message, Exception inner) : base(message, inner) { }
}
