$d1024_direct << EOD
1 11966 0.172
16 44445.333 0.597
64 61071.333 2.293
EOD
$d1024_proxy_pair << EOD
1 3786.333 0.397
16 10366.667 3.264
64 11093 11.233
EOD
$d1024_relay_pair << EOD
1 2397 0.567
16 15644 2.131
64 18301.333 6.35
EOD
$d1024_gateway_pair << EOD
1 496.667 5.041
16 3143 11.498
64 3844 30.207
EOD
$d65536_direct << EOD
1 1817.94 0.814
16 3236 8.838
64 3266 32.432
EOD
$d65536_proxy_pair << EOD
1 945.667 1.704
16 1450.667 20.769
64 2045.515 59.988
EOD
$d65536_relay_pair << EOD
1 748.667 2.164
16 1282.667 21.693
64 1445 71.297
EOD
$d65536_gateway_pair << EOD
1 237.333 8.341
16 732.89 32.607
64 846.333 103.815
EOD
$d1048576_direct << EOD
1 153.667 12.678
16 205.316 116.712
64 193.667 411.466
EOD
$d1048576_proxy_pair << EOD
1 95.333 19.3
16 130.667 176.88
64 139.667 643.463
EOD
$d1048576_relay_pair << EOD
1 71.667 26.854
16 101.667 206.815
64 88.667 749.6
EOD
$d1048576_gateway_pair << EOD
1 42.667 35.595
16 77 345.847
64 54.667 1522.818
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run2/benchmark-h2load.png'
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
