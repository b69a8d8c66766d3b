using System.Text.Json;

namespace LiteAspire.FakeProvider.Faults;

/// <summary>A request that passed <see cref="FakeGate"/> with a JSON object body: its fault plan and parsed body (dispose it).</summary>
internal sealed class GatedRequest(FaultPlan plan, JsonDocument body) : IDisposable
{
    /// <summary>The request's fault plan (stream pacing, breaks).</summary>
    public FaultPlan Plan { get; } = plan;

    /// <summary>The body's root object.</summary>
    public JsonElement Root => body.RootElement;

    public void Dispose() => body.Dispose();
}
