using LiteAspire.Hosting.Orchestration;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.Hosting.Tests;

public class ShutdownTests
{
    [Fact]
    public async Task DisposeAsync_RunningModel_StopsEveryProcessItStartedIncludingPostgresChildren()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var database = builder.AddPostgres("pg").AddDatabase("db");
        var cache = builder.AddRedis("cache");
        builder.AddTestService("api").WithReplicas(2).WithReference(database).WithReference(cache).WaitFor(database).WaitFor(cache);
        var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.WaitForResourceHealthyAsync("api");
        var stateDirectory = app.StateDirectory;
        var pids = app.ResourceNotifications.Snapshots.SelectMany(s => s.ProcessIds).ToList();
        Assert.Equal(4, pids.Count); // postgres, redis, two api replicas
        Assert.NotEmpty(TestModel.ProcessesMentioning(stateDirectory));

        await app.DisposeAsync();

        Assert.All(pids, pid => Assert.False(TestModel.IsRunning(pid), $"process {pid} still runs"));
        Assert.Empty(TestModel.ProcessesMentioning(stateDirectory));
        Assert.All(app.ResourceNotifications.Snapshots, s => Assert.Equal(ResourceState.Stopped, s.State));
        Assert.False(Directory.Exists(stateDirectory));
    }

    [Fact]
    public async Task StopAsync_DuringStart_LeavesNoProcessBehind()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var slow = builder.AddTestService("slow").WithEnvironment("HEALTH_DELAY_MS", "60000");
        builder.AddTestService("waiting").WaitFor(slow);
        var app = await builder.BuildAsync();
        await app.StartAsync();
        var started = await app.ResourceNotifications.WaitForAsync("slow", s => s.ProcessIds.Count == 1).WaitAsync(TimeSpan.FromSeconds(60));

        await app.DisposeAsync();

        Assert.False(TestModel.IsRunning(started.ProcessIds[0]));
        Assert.Equal(ResourceState.Stopped, app.ResourceNotifications.Get("waiting").State);
    }
}
