using System.Runtime.InteropServices;

namespace Sitrep.Syntax.Features;

/// <summary>
/// A fixed, zeroed array outside the managed heap, aligned to 2 MB and, on Linux, offered to the kernel for transparent
/// huge pages. The weight tables are read at random: with 4 KB pages most probes would miss the TLB as well as the
/// cache, and one 2 MB page covers what 512 small ones do. Freed with its owner (a safe handle); never grows.
/// </summary>
/// <typeparam name="T">An unmanaged element type.</typeparam>
internal sealed unsafe class HugePageArray<T>
    where T : unmanaged
{
    private const nuint HugePage = 2 * 1024 * 1024;

    private readonly T* _items;

    // Keeps the memory alive as long as this array and frees it after.
    private readonly AlignedMemoryHandle _owner;

    public HugePageArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        var bytes = ((((nuint)Math.Max(1, length) * (nuint)sizeof(T)) + HugePage - 1) / HugePage) * HugePage;
        _owner = new AlignedMemoryHandle(bytes, HugePage);
        _items = (T*)_owner.DangerousGetHandle();
        if (OperatingSystem.IsLinux())
        {
            // Advice only: where the kernel has no huge page to give, the array simply lives on small pages.
            _ = HugePageNativeMethods.Madvise(_items, bytes, HugePageNativeMethods.MadviseHugePage);
        }

        NativeMemory.Clear(_items, bytes);
    }

    public int Length { get; }

    public Span<T> Span => new(_items, Length);

    /// <summary>The element at <paramref name="index"/>, unchecked: callers index only within <see cref="Length"/>.</summary>
    public ref T this[int index] => ref _items[index];
}

/// <summary>Owns one block from <see cref="NativeMemory.AlignedAlloc"/>.</summary>
internal sealed unsafe class AlignedMemoryHandle : SafeHandle
{
    private readonly long _bytes;

    public AlignedMemoryHandle(nuint bytes, nuint alignment)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        _bytes = (long)bytes;
        SetHandle((IntPtr)NativeMemory.AlignedAlloc(bytes, alignment));
        GC.AddMemoryPressure(_bytes);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        GC.RemoveMemoryPressure(_bytes);
        return true;
    }
}

/// <summary>The one system call <see cref="HugePageArray{T}"/> needs.</summary>
internal static unsafe partial class HugePageNativeMethods
{
    /// <summary>Linux <c>MADV_HUGEPAGE</c>.</summary>
    public const int MadviseHugePage = 14;

    [LibraryImport("libc", EntryPoint = "madvise")]
    public static partial int Madvise(void* address, nuint length, int advice);
}
