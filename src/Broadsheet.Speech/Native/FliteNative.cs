using System.Runtime.InteropServices;

namespace Broadsheet.Speech;

/// <summary>cst_wave from flite/cst_wave.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CstWave
{
    public nint Type;
    public int SampleRate;
    public int NumSamples;
    public int NumChannels;
    public nint Samples;
}

/// <summary>Function pointers into libflite. Every call must be made while holding the engine's lock.</summary>
/// <remarks>
/// Flite reports many errors through <c>cst_error()</c>, which exits the process; callers therefore only use
/// accessors that return <c>NULL</c> for missing data (<c>ffeature</c>, <c>item_feat</c>) and check value types before
/// converting them.
/// </remarks>
internal sealed unsafe class FliteNative
{
    private FliteNative(NativeLibraryHandle lib)
    {
        Library = lib;
        Init = (delegate* unmanaged[Cdecl]<int>)lib.Export("flite_init");
        SynthText = (delegate* unmanaged[Cdecl]<byte*, nint, nint>)lib.Export("flite_synth_text");
        UttWave = (delegate* unmanaged[Cdecl]<nint, CstWave*>)lib.Export("utt_wave");
        UttRelation = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)lib.Export("utt_relation");
        RelationHead = (delegate* unmanaged[Cdecl]<nint, nint>)lib.Export("relation_head");
        ItemNext = (delegate* unmanaged[Cdecl]<nint, nint>)lib.Export("item_next");
        ItemDaughter = (delegate* unmanaged[Cdecl]<nint, nint>)lib.Export("item_daughter");
        ItemFeat = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)lib.Export("item_feat");
        FFeature = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)lib.Export("ffeature");
        PathToItem = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)lib.Export("path_to_item");
        ValFloat = (delegate* unmanaged[Cdecl]<nint, float>)lib.Export("val_float");
        ValString = (delegate* unmanaged[Cdecl]<nint, nint>)lib.Export("val_string");
        ValStringP = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("val_stringp");
        DeleteUtterance = (delegate* unmanaged[Cdecl]<nint, void>)lib.Export("delete_utterance");
    }

    public NativeLibraryHandle Library { get; }

    public delegate* unmanaged[Cdecl]<int> Init { get; }

    public delegate* unmanaged[Cdecl]<byte*, nint, nint> SynthText { get; }

    public delegate* unmanaged[Cdecl]<nint, CstWave*> UttWave { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, nint> UttRelation { get; }

    public delegate* unmanaged[Cdecl]<nint, nint> RelationHead { get; }

    public delegate* unmanaged[Cdecl]<nint, nint> ItemNext { get; }

    public delegate* unmanaged[Cdecl]<nint, nint> ItemDaughter { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, nint> ItemFeat { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, nint> FFeature { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, nint> PathToItem { get; }

    public delegate* unmanaged[Cdecl]<nint, float> ValFloat { get; }

    public delegate* unmanaged[Cdecl]<nint, nint> ValString { get; }

    public delegate* unmanaged[Cdecl]<nint, int> ValStringP { get; }

    public delegate* unmanaged[Cdecl]<nint, void> DeleteUtterance { get; }

    public static FliteNative? TryLoad(IEnumerable<string> candidates, out string? error)
    {
        var lib = NativeLibraryHandle.TryLoad(candidates, out error);
        if (lib is null)
        {
            return null;
        }

        try
        {
            return new FliteNative(lib);
        }
        catch (EntryPointNotFoundException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The item a path leads to, or 0 when it leads nowhere (ffeature would return a default "0" instead).</summary>
    public nint Item(nint item, ReadOnlySpan<byte> pathZ)
    {
        fixed (byte* p = pathZ)
        {
            return PathToItem(item, p);
        }
    }

    /// <summary>A feature of the item itself as a float; <see langword="null"/> when absent.</summary>
    public float? FeatureFloat(nint item, ReadOnlySpan<byte> nameZ)
    {
        fixed (byte* p = nameZ)
        {
            var val = ItemFeat(item, p);
            return val == 0 ? null : ValFloat(val);
        }
    }

    /// <summary>A string feature of the item itself; <see langword="null"/> when absent or not a string.</summary>
    public string? FeatureString(nint item, ReadOnlySpan<byte> nameZ)
    {
        fixed (byte* p = nameZ)
        {
            var val = ItemFeat(item, p);
            return val == 0 || ValStringP(val) == 0 ? null : Utf8.FromPointer(ValString(val));
        }
    }

    public nint Relation(nint utterance, ReadOnlySpan<byte> nameZ)
    {
        fixed (byte* p = nameZ)
        {
            return UttRelation(utterance, p);
        }
    }
}
