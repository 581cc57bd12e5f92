//! Tests of the kernel: its typed operations against the tree-walker's on values, its codes, its sums over integers.

use rust_decimal_macros::dec;

use super::*;

const OPS: [BinOp; 6] = [BinOp::Eq, BinOp::Ne, BinOp::Lt, BinOp::Le, BinOp::Gt, BinOp::Ge];

/// Every comparison of two typed vectors, nulls included, gives what `expr::compare` gives
/// on their values.
#[test]
fn typed_comparisons_agree_with_the_tree_walker_nulls_included() {
    let dict: Vec<SmolStr> = vec!["MG".into(), "IDE".into()];
    let other: Vec<SmolStr> = vec!["IDE".into(), "MG".into(), "PSY".into()];
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let vectors: Vec<Vector<'_>> = vec![
        Vector::Num(vec![Some(dec!(1.50)), None, Some(dec!(-2)), Some(dec!(1.5))]),
        Vector::Scalar(Value::Number(dec!(1.5))),
        Vector::Scalar(Value::Null),
        Vector::Date(vec![day(2025, 1, 1).num_days_from_ce(), NULL_DATE, day(2024, 12, 31).num_days_from_ce(), 0]),
        Vector::Scalar(Value::Date(day(2025, 1, 1))),
        Vector::Text(Cow::Borrowed(&dict), vec![0, NULL_CODE, 1, 0]),
        // Texts of another dictionary, in another order.
        Vector::Text(Cow::Borrowed(&other), vec![1, 0, NULL_CODE, 2]),
        Vector::Scalar(Value::text("MG")),
        Vector::Scalar(Value::text("PSY")),
        Vector::Bool(vec![TRUE, NULL, FALSE, TRUE]),
        Vector::Bool(vec![FALSE, TRUE, NULL, TRUE]),
        Vector::Scalar(Value::Bool(false)),
        Vector::Values(vec![Value::Number(dec!(1.5)), Value::Null, Value::text("MG"), Value::Bool(true)]),
    ];
    for a in &vectors {
        for b in &vectors {
            for op in OPS {
                let got = compare_vectors(op, a, b, 4);
                for (i, &g) in got.iter().enumerate() {
                    let want = truthy(&compare(op, &a.value(i), &b.value(i)));
                    assert_eq!(g == TRUE, want, "{:?} {} {:?}", a.value(i), op.symbol(), b.value(i));
                }
            }
        }
    }
}

/// Two positions share a code exactly when their values are equal.
#[test]
fn codes_are_equal_for_equal_values_only() {
    let dict: Vec<SmolStr> = vec!["MG".into(), "IDE".into()];
    let vectors: Vec<Vector<'_>> = vec![
        Vector::Num(vec![Some(dec!(1.5)), Some(dec!(1.50)), None, Some(dec!(0)), Some(-dec!(0.00)), Some(dec!(2)), None]),
        Vector::Num(vec![Some(dec!(3)), None, Some(dec!(3)), Some(-dec!(0)), Some(dec!(0)), Some(dec!(1023)), Some(dec!(1024))]),
        Vector::Text(Cow::Borrowed(&dict), vec![0, NULL_CODE, 1, 0, 1, NULL_CODE, 0]),
        Vector::Bool(vec![TRUE, NULL, FALSE, TRUE, NULL, FALSE, FALSE]),
        Vector::Date(vec![5, NULL_DATE, 5, 7, 700_000, NULL_DATE, 7]),
        Vector::Scalar(Value::text("MG")),
    ];
    for v in &vectors {
        let (codes, count) = v.codes(7).expect("typed values are coded");
        for i in 0..7 {
            assert!((codes[i] as usize) < count);
            for j in 0..7 {
                assert_eq!(codes[i] == codes[j], v.value(i) == v.value(j), "{:?} and {:?}", v.value(i), v.value(j));
            }
        }
    }
}

/// The sum over integers is the decimal fold's, value and scale, or is not given.
#[test]
fn an_exact_sum_is_the_decimal_fold_to_the_scale() {
    let fold = |values: &[Option<Decimal>]| -> Option<Decimal> {
        values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v.unwrap_or(Decimal::ZERO)))
    };
    let mut seed: u64 = 7;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut sums = 0;
    for round in 0..2000 {
        let n = (next() % 12) as usize;
        let values: Vec<Option<Decimal>> = (0..n)
            .map(|_| match next() % 7 {
                0 => None,
                1 => Some(Decimal::MAX),
                2 => Some(Decimal::new(-(next() as i64), (next() % 29) as u32)),
                _ => Some(Decimal::new(next() as i64 % 100_000 - 50_000, (next() % 4) as u32 + u32::from(round % 3 == 0) * 20)),
            })
            .collect();
        if let Some(sum) = exact_sum(&values) {
            let want = fold(&values).expect("an exact sum does not overflow");
            assert_eq!((sum.to_string(), sum.serialize()), (want.to_string(), want.serialize()), "{values:?}");
            sums += 1;
        }
    }
    assert!(sums > 500, "{sums} sums over integers");
    assert_eq!(exact_sum(&[Some(Decimal::MAX), Some(Decimal::ONE)]), None);
    assert_eq!(exact_sum(&[None, None]), Some(Decimal::ZERO));
}

/// Combining two branches keeps each value as it was, typed or not.
#[test]
fn combined_branches_keep_their_values() {
    let a = Vector::Num(vec![Some(dec!(1.10)), None]);
    let b = Vector::Scalar(Value::Null);
    let c = Vector::Values(vec![Value::text("x")]);
    let picks: Picks = vec![(1, 0), (0, 1), (0, 0)];
    let v = combine_refs(&[Some(&a), Some(&b)], &picks);
    assert_eq!((0..3).map(|i| v.value(i).render()).collect::<Vec<_>>(), ["", "", "1.10"]);
    let v = combine_refs(&[Some(&a), Some(&c)], &vec![(1, 0), (0, 0)]);
    assert_eq!((0..2).map(|i| v.value(i)).collect::<Vec<_>>(), [Value::text("x"), Value::Number(dec!(1.10))]);
}
