$d1024_direct << EOD
1 10521.667 0.178
16 42366 0.667
64 54248.667 2.902
EOD
$d1024_proxy_pair << EOD
1 3335.667 0.482
16 9340.667 3.938
64 11038 11.67
EOD
$d1024_relay_pair << EOD
1 2020.333 0.702
16 11954.667 2.604
64 16178.333 7.424
EOD
$d1024_gateway_pair << EOD
1 455.333 4.71
16 2676.667 13.085
64 4634.333 37.217
EOD
$d65536_direct << EOD
1 2283.333 0.682
16 3366 7.823
64 3556.667 28.946
EOD
$d65536_proxy_pair << EOD
1 996.333 1.557
16 1942 14.449
64 1694.333 82.526
EOD
$d65536_relay_pair << EOD
1 774 2.344
16 1313 19.291
64 1422.333 64.41
EOD
$d65536_gateway_pair << EOD
1 284.333 7.198
16 789.667 29.373
64 839 123.801
EOD
$d1048576_direct << EOD
1 148.333 13.373
16 188.333 150.272
64 200.662 399.559
EOD
$d1048576_proxy_pair << EOD
1 84 20.227
16 138 175.697
64 128.571 719.066
EOD
$d1048576_relay_pair << EOD
1 70.667 26.369
16 93 224.39
64 93.688 765.853
EOD
$d1048576_gateway_pair << EOD
1 46 34.215
16 71.667 332.57
64 63 1337.806
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run5/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
