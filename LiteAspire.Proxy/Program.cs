using LiteAspire.Data;
using LiteAspire.Proxy.Extensions;

var builder = GatewayHost.CreateBuilder(args);
try
{
    builder.AddProxyServices();
}
catch (StartupConfigurationException e)
{
    // A bad config.yaml or connection setting: say what and where, without a stack trace.
    Console.Error.WriteLine($"LiteAspire.Proxy cannot start: {e.Message}");
    return 1;
}

var app = builder.Build();
app.UseGatewayHost();
app.MapProxyEndpoints();
app.Run();
return 0;
