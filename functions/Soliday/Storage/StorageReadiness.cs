namespace Soliday.Storage;

/// <summary>
/// Whether the app's containers, queues and starting pages are in place. The start-up set-up marks
/// it (it lives with the composition, as it names every capability's queues); the health check
/// reads it here, so Operations need not know the composition.
/// </summary>
public sealed class StorageReadiness
{
    private volatile bool _setUp;

    public bool IsSetUp => _setUp;

    public void MarkSetUp() => _setUp = true;
}
