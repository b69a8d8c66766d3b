using System.Net;
using System.Net.Sockets;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.Hosting.Tests;

public class ModelValidationTests
{
    [Fact]
    public void AddResource_DuplicateName_ThrowsNamingTheResource()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddPostgres("Cache"));

        Assert.Contains("'Cache'", error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReferenceToResourceOutsideTheModel_ThrowsNamingBoth()
    {
        var other = DistributedApplicationTestingBuilder.Create();
        var foreignCache = other.AddRedis("cache");
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddTestService("api").WithReference(foreignCache);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'api' references 'cache'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not part of this application model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WaitCycle_ThrowsShowingTheCycle()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var a = builder.AddTestService("a");
        var b = builder.AddTestService("b").WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameFixedPortOnTwoResources_ThrowsNamingBoth()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddTestService("first").WithHttpEndpoint(port: 4555);
        builder.AddTestService("second").WithHttpEndpoint(port: 4555);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'second' asks for port 4555, which resource 'first' already uses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProject_MissingProjectFile_ThrowsNamingTheResource()
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddProject("ghost", "/nonexistent/Ghost.csproj"));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FixedPortAlreadyInUse_FailsBeforeStartingAnythingNamingTheResource()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Options.RandomizePorts = false;
        builder.AddRedis("cache");
        builder.AddTestService("api").WithHttpEndpoint(port: port);
        await using var app = await builder.BuildAsync();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Equal($"Resource 'api' cannot listen on port {port}: the port is already in use on 127.0.0.1.", error.Message);
        Assert.Empty(app.ResourceNotifications.Snapshots);
        Assert.Empty(TestModel.ProcessesMentioning(app.StateDirectory));
    }

    [Fact]
    public async Task StartAsync_ParameterWithoutValue_FailsNamingTheParameterAndWhereToSetIt()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddTestService("api").WithEnvironment("API_KEY", key);
        await using var app = await builder.BuildAsync();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("Parameter 'api-key' has no value", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameters__api-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_InvalidResourceName_Throws()
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("my cache"));

        Assert.Contains("'my cache' is invalid", error.Message, StringComparison.Ordinal);
    }
}
