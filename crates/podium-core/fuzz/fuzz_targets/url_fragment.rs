//! Arbitrary fragments: `View::from_fragment` never panics, and a view it produced survives
//! `to_fragment` and back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium_core::url::View;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let view = View::from_fragment(&fragment);
    let again = View::from_fragment(&view.to_fragment());
    assert_eq!(again, view, "round trip of {:?}", view.to_fragment());
});
