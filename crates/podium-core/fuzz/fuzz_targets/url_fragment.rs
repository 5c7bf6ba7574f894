//! Arbitrary fragments: `View::from_fragment` never panics, and a view it produced survives
//! `to_fragment` and back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium_core::url::View;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let view = View::from_fragment(&fragment);
    let written = view.to_fragment();
    assert!(written.len() <= podium_core::url::MAX_FRAGMENT, "{written:?}");
    let again = View::from_fragment(&written);
    assert_eq!(again, view, "round trip of {written:?}");
});
