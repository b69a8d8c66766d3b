using LiteAspire.Hosting.ApplicationModel;

namespace LiteAspire.Hosting;

/// <summary>Checks the model before anything runs, so a mistake fails early with the resource's name.</summary>
internal static class ApplicationModelValidator
{
    public static void Validate(IReadOnlyList<IResource> resources)
    {
        var known = new HashSet<IResource>(resources, ReferenceEqualityComparer.Instance);
        foreach (var resource in resources)
        {
            foreach (var target in ReferencedResources(resource))
            {
                if (!known.Contains(target))
                {
                    throw new DistributedApplicationException(
                        $"Resource '{resource.Name}' references '{target.Name}', which is not part of this application model. " +
                        "Add it with the same builder before referencing it.");
                }
            }

            foreach (var replica in resource.Annotations.OfType<ReplicaAnnotation>())
            {
                if (replica.Replicas < 1)
                {
                    throw new DistributedApplicationException(
                        $"Resource '{resource.Name}' asks for {replica.Replicas} replicas; it needs at least 1.");
                }
            }
        }

        ValidateFixedPorts(resources);
        ValidateWaitCycles(resources);
    }

    /// <summary>Every resource the given one points at: references, waits and its parent.</summary>
    public static IEnumerable<IResource> ReferencedResources(IResource resource)
    {
        foreach (var annotation in resource.Annotations)
        {
            switch (annotation)
            {
                case WaitAnnotation wait:
                    yield return wait.Resource;
                    break;
                case ResourceReferenceAnnotation reference:
                    yield return reference.Resource;
                    break;
            }
        }

        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }
    }

    private static void ValidateFixedPorts(IReadOnlyList<IResource> resources)
    {
        var owners = new Dictionary<int, string>();
        foreach (var resource in resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                if (endpoint.Port is not { } port)
                {
                    continue;
                }

                if (port is < 1 or > 65535)
                {
                    throw new DistributedApplicationException($"Resource '{resource.Name}' asks for port {port}, which is not a valid port.");
                }

                if (owners.TryGetValue(port, out var owner))
                {
                    throw new DistributedApplicationException(
                        $"Resource '{resource.Name}' asks for port {port}, which resource '{owner}' already uses.");
                }

                owners[port] = resource.Name;
            }
        }
    }

    private static void ValidateWaitCycles(IReadOnlyList<IResource> resources)
    {
        var state = new Dictionary<IResource, bool>(ReferenceEqualityComparer.Instance); // false: visiting, true: done
        foreach (var resource in resources)
        {
            Visit(resource, []);
        }

        void Visit(IResource resource, List<string> path)
        {
            if (state.TryGetValue(resource, out var done))
            {
                if (!done)
                {
                    throw new DistributedApplicationException(
                        $"Resource '{resource.Name}' waits for itself through {string.Join(" -> ", path)} -> {resource.Name}.");
                }

                return;
            }

            state[resource] = false;
            path.Add(resource.Name);
            foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
            {
                Visit(wait.Resource, path);
            }

            path.RemoveAt(path.Count - 1);
            state[resource] = true;
        }
    }
}
