using System.Collections.Concurrent;
using LiteAspire.Hosting.Orchestration;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.Hosting.Tests;

public class StartOrderTests
{
    [Fact]
    public async Task WaitFor_SlowDependency_DependentStartsOnlyAfterItIsHealthy()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var slow = builder.AddTestService("slow").WithEnvironment("HEALTH_DELAY_MS", "2000");
        builder.AddTestService("dependent").WaitFor(slow);
        builder.AddTestService("independent");
        await using var app = await builder.BuildAsync();
        var transitions = new ConcurrentQueue<(string Name, ResourceState State)>();
        app.ResourceNotifications.Changed += s => transitions.Enqueue((s.Name, s.State));

        await app.StartAsync();
        await app.WaitForResourceHealthyAsync("dependent");

        var order = transitions.ToList();
        var slowHealthy = order.IndexOf(("slow", ResourceState.Healthy));
        var dependentStarting = order.IndexOf(("dependent", ResourceState.Starting));
        var independentStarting = order.IndexOf(("independent", ResourceState.Starting));
        Assert.Contains(("dependent", ResourceState.Waiting), order);
        Assert.True(slowHealthy >= 0 && dependentStarting > slowHealthy, string.Join(", ", order));
        // What waits for nothing does not wait for the slow one either: it starts before the slow one is healthy.
        Assert.True(independentStarting >= 0 && independentStarting < slowHealthy, string.Join(", ", order));
    }

    [Fact]
    public async Task WaitFor_DependencyExitsBeforeHealthy_DependentFailsToStartNamingIt()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var broken = builder.AddTestService("broken")
            .WithEnvironment("HEALTH_DELAY_MS", "60000")
            .WithEnvironment("EXIT_AFTER_MS", "500");
        builder.AddTestService("dependent").WaitFor(broken);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.WaitForResourceHealthyAsync("dependent"));

        Assert.Contains("it waits for 'broken'", error.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.FailedToStart, app.ResourceNotifications.Get("dependent").State);
        Assert.Empty(app.ResourceNotifications.Get("dependent").ProcessIds);
    }

    [Fact]
    public async Task ProcessExits_AfterHealthy_IsReportedAndNotRestarted()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddTestService("short-lived").WithEnvironment("EXIT_AFTER_MS", "3000").WithEnvironment("EXIT_CODE", "7");
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await app.WaitForResourceHealthyAsync("short-lived");
        var pid = app.ResourceNotifications.Get("short-lived").ProcessIds.Single();
        var exited = await app.ResourceNotifications.WaitForAsync("short-lived", s => s.State == ResourceState.Exited)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("exited with code 7; not restarted", exited.Message);
        Assert.Equal([pid], exited.ProcessIds);
        await Task.Delay(1000);
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("short-lived").State);
        Assert.Contains(app.ResourceLogs.GetLines("short-lived"), l => l.Text == "exited with code 7; not restarted");
    }
}
