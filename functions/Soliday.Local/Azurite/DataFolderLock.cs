namespace Soliday.Local.Azurite;

/// <summary>
/// One Soliday.Local per data folder. Two would run two Azurites that overwrite each other's
/// metadata. The system releases the lock when its process ends, however it ends (even
/// <c>kill -9</c>), so a lock held is a host alive, and a left-over Azurite is nobody's.
/// </summary>
internal static class DataFolderLock
{
    private const string FileName = "soliday-local.lock";

    public static FileStream Acquire(string location)
    {
        try
        {
            // Not deleted on close: a path deleted and made again could be locked by two at once.
            return new FileStream(Path.Combine(location, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Another Soliday.Local is using the data folder {location}. Stop it, or give this one another folder (Azurite__Location).", e);
        }
    }
}
